using System;
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
            foreach (string name in ChipNames.SplitOutsideParentheses(chip.Name))
            {
                if (string.IsNullOrWhiteSpace(name))
                {
                    return "name has an empty part between '/'";
                }

                if (name != name.Trim())
                {
                    return $"name part \"{name}\" has spaces around it";
                }

                // "EN25Q32(A/B)" stands for EN25Q32, EN25Q32A and EN25Q32B; anything else in parentheses cannot be expanded.
                if (name.Count(c => c == '(') != name.Count(c => c == ')') || name.Count(c => c == '(') > 1 || (name.Contains('(', StringComparison.Ordinal) && !name.EndsWith(')')))
                {
                    return $"name part \"{name}\" must be a plain name or end in one \"(A/B)\" group";
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

            if (chip.EraseBlocks.Count == 0 && chip.NonUniformErase.Count == 0)
            {
                return "has no erase block types";
            }

            string? idProblem = IdProblem(chip);
            if (idProblem is not null)
            {
                return idProblem;
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
                string? opcodeProblem = EraseOpcodeProblem(block);
                if (opcodeProblem is not null)
                {
                    return opcodeProblem;
                }
            }

            foreach (NonUniformEraseType eraser in chip.NonUniformErase)
            {
                string? layoutProblem = LayoutProblem(chip, eraser);
                if (layoutProblem is not null)
                {
                    return layoutProblem;
                }
            }

            if (chip.ChipEraseOpcode is byte chipErase && !SpiNorOpcodes.ChipEraseOpcodes.Contains(chipErase))
            {
                return $"chip erase opcode 0x{chipErase:X2} is not a chip erase opcode";
            }

            if (chip.SstAai && !chip.ByteProgramOnly)
            {
                return "has AAI word program but not byte program: SST AAI parts program single bytes with 0x02";
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

        /// <summary>A block's opcode must be a known erase opcode, and its 4-byte opcode that opcode's 4-byte twin.</summary>
        private static string? EraseOpcodeProblem(EraseBlockType block)
        {
            if (!SpiNorOpcodes.BlockEraseOpcodes.Contains(block.Opcode))
            {
                return $"erase opcode 0x{block.Opcode:X2} ({block.Size} bytes) is not a block erase opcode";
            }

            if (block.Opcode4Byte is byte fourByte
                && !(SpiNorOpcodes.FourByteEraseTwins.TryGetValue(block.Opcode, out byte[]? twins) && twins.Contains(fourByte)))
            {
                return $"4-byte erase opcode 0x{fourByte:X2} is not the 4-byte form of 0x{block.Opcode:X2}";
            }

            return null;
        }

        /// <summary>A non-uniform erase opcode's regions must tile the chip with blocks aligned to their own size.</summary>
        private static string? LayoutProblem(ChipDefinition chip, NonUniformEraseType eraser)
        {
            if (!SpiNorOpcodes.BlockEraseOpcodes.Contains(eraser.Opcode))
            {
                return $"erase opcode 0x{eraser.Opcode:X2} of a non-uniform layout is not a block erase opcode";
            }

            long address = 0;
            foreach (EraseRegion region in eraser.Regions)
            {
                if (region.Size <= 0 || region.Count <= 0 || !BitOperations.IsPow2(region.Size) || address % region.Size != 0)
                {
                    return $"erase layout of 0x{eraser.Opcode:X2}: {region.Count} x {region.Size} bytes at 0x{address:X} are not power-of-two blocks aligned to their size";
                }

                address += (long)region.Size * region.Count;
            }

            return address == chip.Size ? null : $"erase layout of 0x{eraser.Opcode:X2} covers {address} bytes, not the chip's {chip.Size}";
        }

        /// <summary>The id bytes must be as many as the id command answers, and not all ones or all zeros (nobody answering).</summary>
        private static string? IdProblem(ChipDefinition chip)
        {
            int expected = chip.IdCommand switch
            {
                ChipIdCommand.Res1 => 1,
                ChipIdCommand.Rems or ChipIdCommand.Res2 or ChipIdCommand.At25f => 2,
                ChipIdCommand.Rdid4 => 4,
                ChipIdCommand.BigSpansion => 6,
                _ => 3,
            };
            if (chip.IdBytes.Count != expected)
            {
                return $"id {chip.JedecId} has {chip.IdBytes.Count} byte(s), {chip.IdCommand} answers {expected}";
            }

            return chip.IdBytes.All(b => b == 0xFF) || chip.IdBytes.All(b => b == 0x00) ? $"id {chip.JedecId} is what a bus without a chip reads" : null;
        }
    }
}
