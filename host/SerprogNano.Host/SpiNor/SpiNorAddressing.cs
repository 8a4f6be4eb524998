using System.Collections.Generic;
using SerprogNano.Chips;

namespace SerprogNano.Host.SpiNor
{
    /// <summary>
    /// Which opcodes and how many address bytes reach the whole chip: 3-byte for 16 MiB and less,
    /// past that the dedicated 4-byte opcodes or EN4B mode, as the chip offers.
    /// </summary>
    public sealed class SpiNorAddressing
    {
        private const long ThreeByteLimit = 1L << 24;

        public SpiNorAddressing(ChipDefinition chip)
        {
            Mode = chip.Size > ThreeByteLimit ? chip.FourByteAddressing : FourByteAddressing.None;
            if (chip.Size > ThreeByteLimit && Mode == FourByteAddressing.None)
            {
                Mode = FourByteAddressing.Enter4ByteMode; // A big part without a stated method: EN4B is what every one of them has.
            }

            bool dedicated = Mode == FourByteAddressing.FourByteOpcodes;
            AddressBytes = Mode == FourByteAddressing.None ? 3 : 4;
            ReadOpcode = dedicated ? SpiNorOpcodes.Read4Byte : SpiNorOpcodes.Read;
            ProgramOpcode = dedicated ? SpiNorOpcodes.PageProgram4Byte : SpiNorOpcodes.PageProgram;
            var usable = new List<EraseBlockType>();
            foreach (EraseBlockType block in chip.EraseBlocks)
            {
                if (!dedicated || block.Opcode4Byte != null)
                {
                    usable.Add(block);
                }
            }

            usable.Sort((a, b) => a.Size.CompareTo(b.Size));
            EraseBlocks = usable;
        }

        public FourByteAddressing Mode { get; }

        /// <summary>Whether operations must be wrapped in EN4B ... EX4B.</summary>
        public bool NeedsModeSwitch => Mode == FourByteAddressing.Enter4ByteMode;

        public int AddressBytes { get; }

        public byte ReadOpcode { get; }

        public byte ProgramOpcode { get; }

        /// <summary>The erase blocks usable over the whole chip, smallest first.</summary>
        public IReadOnlyList<EraseBlockType> EraseBlocks { get; }

        public byte EraseOpcode(EraseBlockType block)
        {
            return Mode == FourByteAddressing.FourByteOpcodes ? block.Opcode4Byte!.Value : block.Opcode;
        }
    }
}
