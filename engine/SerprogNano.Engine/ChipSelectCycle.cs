namespace SerprogNano.Engine
{
    /// <summary>
    /// A whole chip-select cycle made of the bus's own select, transfer and deselect: the cycle methods of a bus
    /// whose driver cannot frame a transfer with chip select itself.
    /// </summary>
    public static class ChipSelectCycle
    {
        public static void Write(ISpiBus bus, byte[] buffer, int offset, int count)
        {
            bus.SetChipSelect(true);
            bus.Write(buffer, offset, count);
            bus.SetChipSelect(false);
        }

        public static void Exchange(ISpiBus bus, byte[] buffer, int offset, int count)
        {
            bus.SetChipSelect(true);
            bus.Exchange(buffer, offset, count);
            bus.SetChipSelect(false);
        }
    }
}
