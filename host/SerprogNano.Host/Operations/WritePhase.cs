namespace SerprogNano.Host.Operations
{
    /// <summary>Progress phase names a write reports and its watchers (the stop report, the bench) read.</summary>
    public static class WritePhase
    {
        /// <summary>Erases and page programs block by block on a device-side programmer (<see cref="SpiNor.PlanStep.Interleave"/>).</summary>
        public const string EraseAndProgram = "erase and program";

        /// <summary>Put before a phase of a round that writes again what the verify found wrong.</summary>
        public const string RepairPrefix = "repair ";

        /// <summary>The chip compared with the image by the programmer's CRC-32 of each erase block.</summary>
        public const string DeviceVerify = "verify (device CRC)";

        /// <summary>That compare after a repair round.</summary>
        public const string DeviceVerifyAfterRepair = "verify after repair (device CRC)";

        /// <summary>What the chip holds, told by the programmer's CRC-32 of every <paramref name="pieceSize"/> bytes.</summary>
        public static string Survey(int pieceSize)
        {
            string piece = pieceSize % 1024 == 0 ? (pieceSize / 1024) + " KiB" : pieceSize + " bytes";
            return "survey: CRC-32 of each " + piece + " on the programmer";
        }
    }
}
