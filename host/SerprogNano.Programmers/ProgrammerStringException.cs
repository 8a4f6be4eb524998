using System;

namespace SerprogNano.Programmers
{
    /// <summary>A -p/--programmer string that cannot be used: malformed, or a programmer this tool refuses.</summary>
    public class ProgrammerStringException : FormatException
    {
        public ProgrammerStringException(string message)
            : base(message)
        {
        }
    }
}
