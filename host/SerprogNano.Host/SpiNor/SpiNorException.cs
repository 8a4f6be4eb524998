using System;
using System.Collections.Generic;
using SerprogNano.Host.Remedies;

namespace SerprogNano.Host.SpiNor
{
    /// <summary>A flash operation failed; the message names the operation and the address it reached.</summary>
    public class SpiNorException : Exception, IRemedied
    {
        public SpiNorException(string operation, long? address, string message, Exception? inner = null)
            : base(message, inner)
        {
            Operation = operation;
            Address = address;
        }

        /// <summary>"probe", "read", "erase", "program", "write status register"...</summary>
        public string Operation { get; }

        /// <summary>Where the operation was when it failed, if it had an address.</summary>
        public long? Address { get; }

        public IReadOnlyList<Remedy> Remedies { get; init; } = Remedy.None;
    }
}
