using System.Linq;
using System.Numerics;

namespace SerprogNano.Chips
{
    /// <summary>Consistency rules every chip definition must meet before the host trusts it with an erase.</summary>
    public static class ChipDefinitionValidator
    {
        private const long SixteenMiB = 16L * 1024 * 1024;

        /// <summary>Throws <see cref="ChipDatabaseException"/> naming the chip and the first broken rule.</summary>
        public static void Validate(ChipDefinition chip)
        {
            string? problem = FindProblem(chip);
            if (problem is not null)
            {
                throw new ChipDatabaseException($"chip \"{chip.Name}\": {problem}");
            }
        }

        private static string? FindProblem(ChipDefinition chip)
        {
            foreach (string name in chip.Names)
            {
                if (string.IsNullOrWhiteSpace(name))
                {
                    return "name has an empty part between '/'";
                }

                if (name != name.Trim())
                {
                    return $"name part \"{name}\" has spaces around it";
                }

                // "EN25Q32(A/B)" would split into "EN25Q32(A" and "B)": such names must be spelled out.
                if (name.Count(c => c == '(') != name.Count(c => c == ')'))
                {
                    return $"name part \"{name}\" has unbalanced parentheses; spell out each part between '/'";
                }
            }

            if (chip.Size <= 0 || !BitOperations.IsPow2(chip.Size))
            {
                return $"size {chip.Size} is not a power of two";
            }

            if (chip.PageSize <= 0 || !BitOperations.IsPow2(chip.PageSize) || chip.PageSize > chip.Size)
            {
                return $"page size {chip.PageSize} is not a power of two no larger than the chip";
            }

            if (chip.EraseBlocks.Count == 0)
            {
                return "has no erase block types";
            }

            int previous = 0;
            foreach (EraseBlockType block in chip.EraseBlocks)
            {
                if (block.Size <= 0 || chip.Size % block.Size != 0)
                {
                    return $"erase block size {block.Size} does not divide the chip size {chip.Size}";
                }

                if (!BitOperations.IsPow2(block.Size))
                {
                    return $"erase block size {block.Size} is not a power of two";
                }

                if (block.Size <= previous)
                {
                    return "erase block types are not listed smallest first without repeats";
                }

                previous = block.Size;
            }

            if (chip.VoltageMin <= 0 || chip.VoltageMax < chip.VoltageMin)
            {
                return $"voltage range {chip.VoltageMin}-{chip.VoltageMax} V is not min <= max";
            }

            if (chip.StatusRegisters is < 1 or > 3)
            {
                return $"status register count {chip.StatusRegisters} is not 1, 2 or 3";
            }

            if ((chip.ProtectMask & 0x03) != 0)
            {
                return "protect mask covers WIP or WEL (bits 0 and 1)";
            }

            if (chip.Size > SixteenMiB && chip.FourByteAddressing == FourByteAddressing.None)
            {
                return "is larger than 16 MiB but has no 4-byte addressing";
            }

            if (chip.FourByteAddressing == FourByteAddressing.FourByteOpcodes && !chip.EraseBlocks.Any(block => block.Opcode4Byte is not null))
            {
                return "uses 4-byte opcodes but no erase block type has one";
            }

            return null;
        }
    }
}
