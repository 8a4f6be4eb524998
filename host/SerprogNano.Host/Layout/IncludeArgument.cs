namespace SerprogNano.Host.Layout
{
    /// <summary>
    /// One -i/--include value, "NAME" or "NAME:FILE", split as flashrom splits it (parse_include_args):
    /// at the first colon, so the file may contain colons; a colon with nothing after it is an error.
    /// </summary>
    public sealed record IncludeArgument(string Name, string? File)
    {
        public static IncludeArgument Parse(string text)
        {
            int colon = text.IndexOf(':');
            if (colon < 0)
            {
                return new IncludeArgument(RequireName(text, text), null);
            }

            string name = RequireName(text[..colon], text);
            string file = text[(colon + 1)..];
            if (file.Length == 0)
            {
                throw new LayoutException($"-i {text}: the file name after ':' is missing; write -i {name} or -i {name}:FILE.");
            }

            return new IncludeArgument(name, file);
        }

        private static string RequireName(string name, string text)
        {
            if (name.Length == 0)
            {
                throw new LayoutException($"-i {text}: the region name is missing; write -i NAME or -i NAME:FILE.");
            }

            return name;
        }
    }
}
