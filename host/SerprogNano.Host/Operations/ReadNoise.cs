namespace SerprogNano.Host.Operations
{
    /// <summary>
    /// How often reads of the chip came back with a bit flipped, counted where <see cref="BlockRereader"/> settled a block:
    /// every read of it compared with the read that settled it. A link this noisy also makes wrong reads agree now and then.
    /// </summary>
    public sealed class ReadNoise
    {
        /// <summary>Bits read, the first read and every read again.</summary>
        public long BitsRead { get; private set; }

        /// <summary>Bits that differed from the settled contents.</summary>
        public long BitsFlipped { get; private set; }

        /// <summary>Flipped bits per bit read, 0 before anything was read.</summary>
        public double Rate => BitsRead == 0 ? 0 : (double)BitsFlipped / BitsRead;

        internal void Add(long bitsRead, long bitsFlipped)
        {
            BitsRead += bitsRead;
            BitsFlipped += bitsFlipped;
        }
    }
}
