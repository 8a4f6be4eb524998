using System;

namespace SerprogNano.Cli
{
    /// <summary>The command ran and did not succeed (bad dump, wrong image size, refused overwrite): exit code 1.</summary>
    public sealed class CommandFailedException : Exception
    {
        public CommandFailedException(string message)
            : base(message)
        {
        }
    }
}
