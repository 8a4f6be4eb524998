using System;

namespace SerprogNano.Host.Layout
{
    /// <summary>
    /// A layout, a layout file, an Intel flash descriptor or an FMAP cannot be used as asked.
    /// The message says where (file and line, descriptor field, FMAP offset) and what to do.
    /// </summary>
    public sealed class LayoutException : Exception
    {
        public LayoutException(string message)
            : base(message)
        {
        }
    }
}
