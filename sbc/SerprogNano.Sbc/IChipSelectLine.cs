namespace SerprogNano.Sbc
{
    /// <summary>A chip-select line the engine drives itself (a GPIO), so it can stay low across transfers.</summary>
    public interface IChipSelectLine
    {
        /// <summary>Makes the line an output, high (deselected).</summary>
        void Drive();

        /// <summary>Low when <paramref name="asserted"/>, high otherwise.</summary>
        void Set(bool asserted);

        /// <summary>Makes the line an input, so the target board's pull-up owns it.</summary>
        void Release();
    }
}
