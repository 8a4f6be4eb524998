namespace SerprogNano.Host.Chips.Protection
{
    /// <summary>A bit in one of the status registers, numbered as their read opcodes are (1: 0x05, 2: 0x35, 3: 0x15).</summary>
    public readonly record struct SpiNorStatusBit(int Register, byte Mask)
    {
        /// <summary>Whether the bit is set in <paramref name="status"/> (registers 1..3, register 1 first).</summary>
        public bool IsSet(byte[] status) => Register <= status.Length && (status[Register - 1] & Mask) != 0;

        /// <summary>"SR1.7" as chips.json writes it.</summary>
        public override string ToString() => "SR" + Register + "." + System.Numerics.BitOperations.Log2(Mask);
    }
}
