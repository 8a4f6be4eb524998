namespace SerprogNano.Host.Layout
{
    /// <summary>One FMAP area: <paramref name="Offset"/> is the chip offset (flashrom uses it as is), the name as stored.</summary>
    public sealed record FmapArea(int Index, uint Offset, uint Size, string Name, FmapAreaFlags Flags)
    {
        /// <summary>Last byte (inclusive); meaningless for an empty area.</summary>
        public long End => (long)Offset + Size - 1;
    }
}
