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

        /// <summary>Write a saved backup or dump back over the whole chip, without saving another backup of the damaged contents.</summary>
        WriteBackWithoutBackup,

        /// <summary>Lift the write protection for this change, or lift it beforehand and put it back afterwards.</summary>
        LiftProtection,

        /// <summary>Clear block protection whose range is unknown (no protection layout), if this is the right chip.</summary>
        ClearProtection,

        /// <summary>Take the layout from a layout file or the FMAP: the Intel descriptor is missing.</summary>
        UseFmapOrLayoutFile,

        /// <summary>Take the layout from the Intel descriptor or a layout file: the FMAP is missing or damaged.</summary>
        UseDescriptorOrLayoutFile,
    }
}
