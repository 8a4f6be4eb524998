using System.Collections.Generic;

namespace SerprogNano.Chips.Protection
{
    /// <summary>
    /// Where a part keeps its write-protect bits and how they decode, as flashrom's reg_bits and decode_range
    /// describe it: BP0..BPn (BP0 first), TB (protect the bottom), SEC (4 KiB sectors), CMP (complement),
    /// SRP (status register protect: with WP# low the registers cannot be written) and SRL (status register lock);
    /// and the bits beside them that a protection write must leave as they are: QE and one-time locks.
    /// </summary>
    public sealed record WriteProtectLayout
    {
        /// <summary>The chips.json name of this layout, e.g. "winbond-bp3-tb-sec-cmp".</summary>
        public required string Name { get; init; }

        public required WriteProtectDecoding Decoding { get; init; }

        /// <summary>The block-protect bits, BP0 first.</summary>
        public required IReadOnlyList<SpiNorStatusBit> BlockProtect { get; init; }

        public SpiNorStatusBit? TopBottom { get; init; }

        public SpiNorStatusBit? Sector { get; init; }

        public SpiNorStatusBit? Complement { get; init; }

        public SpiNorStatusBit? StatusRegisterProtect { get; init; }

        public SpiNorStatusBit? StatusRegisterLock { get; init; }

        /// <summary>QE, quad enable: a board that boots from quad I/O stops booting when it is cleared, so no protection write may change it.</summary>
        public SpiNorStatusBit? QuadEnable { get; init; }

        /// <summary>Bits that, once set, stay set for good (Winbond's security register locks LB1-LB3): no protection write may change them.</summary>
        public IReadOnlyList<SpiNorStatusBit> OneTimeLocks { get; init; } = [];

        /// <summary>Every protection bit of the layout (not QE or the one-time locks), the range bits first.</summary>
        public IEnumerable<SpiNorStatusBit> Bits
        {
            get
            {
                foreach (SpiNorStatusBit bit in BlockProtect)
                {
                    yield return bit;
                }

                foreach (SpiNorStatusBit? bit in new[] { TopBottom, Sector, Complement, StatusRegisterProtect, StatusRegisterLock })
                {
                    if (bit is SpiNorStatusBit present)
                    {
                        yield return present;
                    }
                }
            }
        }

        /// <summary>QE and the one-time locks: the bits a status write must send as the chip holds them.</summary>
        public IEnumerable<SpiNorStatusBit> MustKeep
        {
            get
            {
                if (QuadEnable is SpiNorStatusBit qe)
                {
                    yield return qe;
                }

                foreach (SpiNorStatusBit bit in OneTimeLocks)
                {
                    yield return bit;
                }
            }
        }

        /// <summary>The highest status register a protection bit lives in (the registers a protection WRSR sends).</summary>
        public int HighestRegister
        {
            get
            {
                int highest = 1;
                foreach (SpiNorStatusBit bit in Bits)
                {
                    highest = System.Math.Max(highest, bit.Register);
                }

                return highest;
            }
        }
    }
}
