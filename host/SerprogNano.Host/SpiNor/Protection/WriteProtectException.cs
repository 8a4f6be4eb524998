namespace SerprogNano.Host.SpiNor.Protection
{
    /// <summary>A write-protect setting the chip cannot take or did not keep; the message says why and what to do.</summary>
    public sealed class WriteProtectException : SpiNorException
    {
        public WriteProtectException(string message)
            : base("write protection", null, message)
        {
        }
    }
}
