namespace SerprogNano.Host.Remedies
{
    /// <summary>What the user can do about a failure; each front end words it its own way (the CLI names its flags).</summary>
    public enum RemedyKind
    {
        /// <summary>Ask for a slower SPI clock: marginal wiring and long leads often hold at a lower one.</summary>
        LowerSpiSpeed,

        /// <summary>Open a serial link at a lower baud rate (<see cref="Remedy.Value"/>): a UART without flow control drops what its board cannot take in time.</summary>
        LowerBaudRate,

        /// <summary>Look up the chip's name among the parts the database knows, to name it again.</summary>
        ListChips,

        /// <summary>Read the chip's status registers, to see its protection bits.</summary>
        ShowStatusRegisters,

        /// <summary>List the ranges the chip's protection can cover.</summary>
        ListProtectionRanges,
    }
}
