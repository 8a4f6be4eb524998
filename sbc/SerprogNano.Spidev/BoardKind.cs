namespace SerprogNano.Spidev
{
    /// <summary>The single-board computers the end-user guide gives advice for.</summary>
    public enum BoardKind
    {
        Other,
        RaspberryPi,
        BeagleBoneBlack,
        LePotato,
    }
}
