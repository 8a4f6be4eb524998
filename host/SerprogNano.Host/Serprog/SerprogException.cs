using System;
using System.Collections.Generic;
using SerprogNano.Host.Remedies;

namespace SerprogNano.Host.Serprog
{
    /// <summary>A serprog command failed; <see cref="Command"/> names it with what it was doing.</summary>
    public class SerprogException : Exception, IRemedied
    {
        public SerprogException(string command, string message, Exception? inner = null)
            : base(message, inner)
        {
            Command = command;
        }

        /// <summary>The command and its purpose, e.g. "O_SPIOP (read 4096 bytes at 0x123000)".</summary>
        public string Command { get; }

        public IReadOnlyList<Remedy> Remedies { get; init; } = Remedy.None;
    }
}
