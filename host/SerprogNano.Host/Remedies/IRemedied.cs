using System.Collections.Generic;

namespace SerprogNano.Host.Remedies
{
    /// <summary>A library error that carries remedies beside its message, which names none of a front end's flags.</summary>
    public interface IRemedied
    {
        IReadOnlyList<Remedy> Remedies { get; }
    }
}
