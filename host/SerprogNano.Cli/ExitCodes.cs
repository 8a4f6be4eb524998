namespace SerprogNano.Cli
{
    /// <summary>What `serprog` returns: scripts branch on these.</summary>
    public static class ExitCodes
    {
        public const int Ok = 0;
        public const int Failed = 1;
        public const int Usage = 2;
    }
}
