namespace SerprogNano.Host.Sfdp
{
    /// <summary>One 8-byte SFDP parameter header: which table, its revision, and where it is.</summary>
    /// <param name="Id">ID MSB (byte 7) and LSB (byte 0); 0xFF00 is the Basic Flash Parameter Table.</param>
    /// <param name="LengthDwords">Table length in 32-bit words.</param>
    /// <param name="Pointer">24-bit SFDP address of the table.</param>
    internal sealed record SfdpParameterHeader(ushort Id, byte MajorRevision, byte MinorRevision, int LengthDwords, int Pointer)
    {
        public const ushort BasicFlashParameterTableId = 0xFF00;

        public bool IsBasicFlashParameterTable => Id == BasicFlashParameterTableId;
    }
}
