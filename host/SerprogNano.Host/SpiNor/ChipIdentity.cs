namespace SerprogNano.Host.SpiNor
{
    /// <summary>What the chip said about itself, and the command that got it to say so.</summary>
    /// <param name="Manufacturer">JEDEC manufacturer id.</param>
    /// <param name="Device">RDID's memory type and capacity bytes; REMS's or RES's device byte in the low byte.</param>
    /// <param name="Command">"RDID", "REMS" or "RES".</param>
    public sealed record ChipIdentity(byte Manufacturer, ushort Device, string Command)
    {
        public override string ToString() => Command == "RDID"
            ? Manufacturer.ToString("X2") + " " + (Device >> 8).ToString("X2") + " " + (Device & 0xFF).ToString("X2")
            : Command + " " + Manufacturer.ToString("X2") + " " + Device.ToString("X2");
    }
}
