using System;

namespace SerprogNano.Chips
{
    /// <summary>Datasheet busy times of the whole-page and whole-chip operations; erase blocks carry their own.</summary>
    public sealed record ChipTimings(TimeSpan PageProgramTypical, TimeSpan PageProgramMax, TimeSpan ChipEraseTypical, TimeSpan ChipEraseMax);
}
