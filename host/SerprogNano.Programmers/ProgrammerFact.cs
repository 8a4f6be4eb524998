namespace SerprogNano.Programmers
{
    /// <summary>A line of a programmer's inventory; <paramref name="IsDetail"/> when it is one of the <see cref="ProgrammerDescription.Details"/> too.</summary>
    public sealed record ProgrammerFact(string Text, bool IsDetail = false);
}
