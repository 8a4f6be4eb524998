namespace SerprogNano.Host.SpiNor
{
    /// <summary>Every id command read all 0xFF or all 0x00: nothing on the bus answers, so the wiring is suspect.</summary>
    public sealed class NoChipAnswerException : SpiNorException
    {
        public NoChipAnswerException(string message)
            : base("probe", null, message)
        {
        }
    }
}
