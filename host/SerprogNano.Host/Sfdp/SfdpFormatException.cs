using System;

namespace SerprogNano.Host.Sfdp
{
    /// <summary>The chip answered RDSFDP with the "SFDP" signature but the tables behind it do not make sense.</summary>
    public sealed class SfdpFormatException : Exception
    {
        public SfdpFormatException(string message)
            : base(message)
        {
        }
    }
}
