using System;

namespace SerprogNano.Chips
{
    /// <summary>The chip database is unreadable or one of its entries is inconsistent; the message names the entry.</summary>
    public sealed class ChipDatabaseException : Exception
    {
        public ChipDatabaseException(string message)
            : base(message)
        {
        }

        public ChipDatabaseException(string message, Exception innerException)
            : base(message, innerException)
        {
        }
    }
}
