using System;
using System.Collections.Generic;
using SerprogNano.Host.Remedies;

namespace SerprogNano.Host.Layout
{
    /// <summary>
    /// A layout, a layout file, an Intel flash descriptor or an FMAP cannot be used as asked.
    /// The message says where (file and line, descriptor field, FMAP offset) and what to do; the remedies, which other layout source to use.
    /// </summary>
    public sealed class LayoutException : Exception, IRemedied
    {
        public LayoutException(string message)
            : base(message)
        {
        }

        public IReadOnlyList<Remedy> Remedies { get; init; } = Remedy.None;
    }
}
