namespace SerprogNano.TestSupport
{
    /// <summary>What an external program returned and printed (stdout and stderr interleaved).</summary>
    public sealed record ToolResult(int ExitCode, string Output);
}
