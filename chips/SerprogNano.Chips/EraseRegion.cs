namespace SerprogNano.Chips
{
    /// <summary><paramref name="Count"/> consecutive erase blocks of <paramref name="Size"/> bytes.</summary>
    public sealed record EraseRegion(int Size, int Count);
}
