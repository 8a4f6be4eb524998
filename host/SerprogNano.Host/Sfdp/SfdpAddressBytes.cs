namespace SerprogNano.Host.Sfdp
{
    /// <summary>BFPT DWORD 1 bits 18:17: which address lengths the chip accepts.</summary>
    public enum SfdpAddressBytes
    {
        ThreeOnly,
        ThreeOrFour,
        FourOnly,
    }
}
