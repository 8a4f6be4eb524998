using System.Collections.Generic;

namespace SerprogNano.Host.Remedies
{
    /// <summary>One remedy a library error carries, with the value it suggests (a baud rate) where it has one.</summary>
    public sealed record Remedy(RemedyKind Kind, long? Value = null)
    {
        public static readonly Remedy LowerSpiSpeed = new(RemedyKind.LowerSpiSpeed);

        /// <summary>1 Mbaud: what most USB-UART bridges and boards without flow control keep up with.</summary>
        public static readonly Remedy LowerBaudRate = new(RemedyKind.LowerBaudRate, 1_000_000);

        public static readonly Remedy ListChips = new(RemedyKind.ListChips);

        public static readonly Remedy ShowStatusRegisters = new(RemedyKind.ShowStatusRegisters);

        public static readonly Remedy ListProtectionRanges = new(RemedyKind.ListProtectionRanges);

        public static readonly Remedy WriteBackWithoutBackup = new(RemedyKind.WriteBackWithoutBackup);

        public static readonly Remedy LiftProtection = new(RemedyKind.LiftProtection);

        public static readonly Remedy ClearProtection = new(RemedyKind.ClearProtection);

        public static readonly Remedy UseFmapOrLayoutFile = new(RemedyKind.UseFmapOrLayoutFile);

        public static readonly Remedy UseDescriptorOrLayoutFile = new(RemedyKind.UseDescriptorOrLayoutFile);

        public static readonly IReadOnlyList<Remedy> None = System.Array.Empty<Remedy>();
    }
}
