namespace SerprogNano.Host.Serprog
{
    /// <summary>The programmer's Q_CMDMAP says it lacks a command, so the command was not sent.</summary>
    public sealed class SerprogUnsupportedCommandException : SerprogException
    {
        public SerprogUnsupportedCommandException(string command, string message)
            : base(command, message)
        {
        }
    }
}
