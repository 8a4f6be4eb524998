namespace SerprogNano.Programmers
{
    /// <summary>
    /// A clock that <see cref="SpiSpeed"/> cannot read, with the value and what is wrong with it kept apart, so a front
    /// end names the setting its own way (the CLI: --spispeed); the message names it as -p does (spispeed=).
    /// </summary>
    public sealed class SpiSpeedException : ProgrammerStringException
    {
        public SpiSpeedException(string value, string problem)
            : base("spispeed=" + value + " " + problem)
        {
            Value = value;
            Problem = problem;
        }

        /// <summary>The text as given.</summary>
        public string Value { get; }

        /// <summary>What is wrong with it, and what to give instead.</summary>
        public string Problem { get; }
    }
}
