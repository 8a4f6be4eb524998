namespace SerprogNano.Protocol
{
    /// <summary>Q_CMDMAP's 32-byte bitmap: bit n of byte n/8 set means opcode n is supported.</summary>
    public static class CommandMap
    {
        public static void Set(byte[] map, int offset, byte opcode)
        {
            map[offset + (opcode >> 3)] |= (byte)(1 << (opcode & 7));
        }

        public static bool IsSet(byte[] map, int offset, byte opcode)
        {
            return (map[offset + (opcode >> 3)] & (1 << (opcode & 7))) != 0;
        }
    }
}
