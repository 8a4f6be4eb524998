namespace SerprogNano.Host.Spi
{
    /// <summary>One transaction at a time, for commands whose answer decides what comes next.</summary>
    public static class SpiMasterExtensions
    {
        public static void Execute(this ISpiMaster master, SpiTransaction transaction)
        {
            master.Execute(new[] { transaction });
        }

        /// <summary>Sends <paramref name="write"/> and returns the <paramref name="readLength"/> bytes clocked in after it.</summary>
        public static byte[] Exchange(this ISpiMaster master, byte[] write, int readLength, string? label = null)
        {
            var read = new byte[readLength];
            master.Execute(new SpiTransaction(write, read, label));
            return read;
        }
    }
}
