namespace SerprogNano.Emulator.Faults
{
    /// <summary>What a faulty link does after the bytes just received.</summary>
    internal enum LinkTrigger
    {
        None,
        Drop,
        Stall,
    }
}
