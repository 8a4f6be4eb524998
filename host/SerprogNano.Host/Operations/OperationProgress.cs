namespace SerprogNano.Host.Operations
{
    /// <summary>Where a long operation is: the phase ("read", "erase", "program", "verify") and bytes done of the phase's total.</summary>
    public readonly record struct OperationProgress(string Phase, long Done, long Total);
}
