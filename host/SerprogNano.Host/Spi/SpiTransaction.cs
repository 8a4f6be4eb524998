using System;

namespace SerprogNano.Host.Spi
{
    /// <summary>
    /// One chip-select cycle: <see cref="Write"/> is clocked out, then <see cref="Read"/>.Length bytes
    /// are clocked in, with chip select held across both.
    /// </summary>
    public readonly struct SpiTransaction
    {
        public SpiTransaction(ReadOnlyMemory<byte> write, Memory<byte> read, string? label = null)
        {
            Write = write;
            Read = read;
            Label = label;
        }

        public ReadOnlyMemory<byte> Write { get; }

        /// <summary>Where the bytes clocked in go; its length says how many.</summary>
        public Memory<byte> Read { get; }

        /// <summary>What the transaction does, for error messages ("program page at 0x123000").</summary>
        public string? Label { get; }
    }
}
