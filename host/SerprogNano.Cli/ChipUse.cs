namespace SerprogNano.Cli
{
    /// <summary>What a command does with the chip, which decides how far a part named with -c that the chip contradicts is followed.</summary>
    public enum ChipUse
    {
        /// <summary>Probe, info, read: go on with a warning, as flashprog's forced read.</summary>
        Read,

        /// <summary>Verify: go on with a warning unless the sizes differ (a wrapped read could "match").</summary>
        Compare,

        /// <summary>Write, erase: refuse before anything changes.</summary>
        Change,
    }
}
