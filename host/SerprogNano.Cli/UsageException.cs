using System;

namespace SerprogNano.Cli
{
    /// <summary>The command line asks for something contradictory or impossible: exit code 2.</summary>
    public sealed class UsageException : Exception
    {
        public UsageException(string message)
            : base(message)
        {
        }
    }
}
