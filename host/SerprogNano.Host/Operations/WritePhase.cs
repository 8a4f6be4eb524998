namespace SerprogNano.Host.Operations
{
    /// <summary>Progress phase names a write reports and its watchers (the stop report, the bench) read.</summary>
    public static class WritePhase
    {
        /// <summary>Erases and page programs block by block on a device-side programmer (<see cref="SpiNor.PlanStep.Interleave"/>).</summary>
        public const string EraseAndProgram = "erase and program";

        /// <summary>Put before a phase of a round that writes again what the verify found wrong.</summary>
        public const string RepairPrefix = "repair ";
    }
}
