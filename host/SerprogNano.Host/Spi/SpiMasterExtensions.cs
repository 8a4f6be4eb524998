namespace SerprogNano.Host.Spi
{
    /// <summary>One transaction at a time, for commands whose answer decides what comes next.</summary>
    public static class SpiMasterExtensions
    {
        public static void Execute(this ISpiMaster master, SpiTransaction transaction)
        {
            master.Execute(new[] { transaction });
        }
    }
}
