namespace SerprogNano.Engine
{
    /// <summary>
    /// SPI master with chip select driven by the engine, so it can stay asserted across calls. A transfer that is
    /// a whole chip-select cycle on its own goes through the cycle methods: a board whose driver can frame a single
    /// transfer with chip select itself does it in one call instead of three.
    /// </summary>
    public interface ISpiBus
    {
        /// <summary>How many chip-select lines S_SPI_CS may choose from (at least 1).</summary>
        int ChipSelectCount { get; }

        /// <summary>Chooses the chip-select line that <see cref="SetChipSelect"/> drives from now on.</summary>
        void SelectChip(int index);

        /// <summary>Asserts (drives low) or deasserts the current chip-select line.</summary>
        void SetChipSelect(bool asserted);

        /// <summary>Clocks the bytes out; what comes in is discarded.</summary>
        void Write(byte[] buffer, int offset, int count);

        /// <summary>Clocks <paramref name="count"/> bytes in while sending idle bytes.</summary>
        void Read(byte[] buffer, int offset, int count);

        /// <summary>Full duplex: clocks the bytes out and replaces them with the bytes clocked in.</summary>
        void Exchange(byte[] buffer, int offset, int count);

        /// <summary>One whole chip-select cycle (1 or more bytes) that only writes; chip select is deasserted before and after.</summary>
        void WriteCycle(byte[] buffer, int offset, int count);

        /// <summary>One whole chip-select cycle (1 or more bytes), full duplex, as <see cref="Exchange"/>; deasserted before and after.</summary>
        void ExchangeCycle(byte[] buffer, int offset, int count);
    }
}
