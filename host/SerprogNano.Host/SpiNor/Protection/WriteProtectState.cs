using SerprogNano.Chips.Protection;

namespace SerprogNano.Host.SpiNor.Protection
{
    /// <summary>What the chip's status registers say about protection: the bits, the range they guard and the mode.</summary>
    public sealed record WriteProtectState(byte[] Status, ProtectionBits Bits, ProtectedRange Range)
    {
        public WriteProtectMode Mode => Bits.Mode;
    }
}
