using System;

namespace SerprogNano.Programmers
{
    /// <summary>
    /// One entry of <see cref="ProgrammerRegistry"/>: a -p form, recognised by its name before ':' or ','
    /// (<c>linux_spi:dev=...</c>) or by the shape of the whole string (a bare serial device path).
    /// </summary>
    public sealed class ProgrammerKind
    {
        private readonly Func<string, bool>? _recognises;
        private readonly Func<string, string, ProgrammerSpec> _parse;

        private ProgrammerKind(string? name, string forms, Func<string, bool>? recognises, Func<string, string, ProgrammerSpec> parse)
        {
            Name = name;
            Forms = forms;
            _recognises = recognises;
            _parse = parse;
        }

        /// <summary>The name before ':' or ',', or null for a form recognised by its shape.</summary>
        public string? Name { get; }

        /// <summary>How to write it, for the help and the errors; empty when another entry shows it already.</summary>
        public string Forms { get; }

        /// <summary>An entry named <paramref name="name"/>; <paramref name="parse"/> gets the whole string and what follows the name.</summary>
        public static ProgrammerKind Named(string name, string forms, Func<string, string, ProgrammerSpec> parse) => new(name, forms, null, parse);

        /// <summary>An entry for strings of a shape (a device path); <paramref name="parse"/> gets the whole string.</summary>
        public static ProgrammerKind Shaped(string forms, Func<string, bool> recognises, Func<string, ProgrammerSpec> parse) =>
            new(null, forms, recognises, (text, _) => parse(text));

        public bool Recognises(string text) => _recognises?.Invoke(text) ?? false;

        public bool IsNamed(string name) => Name != null && string.Equals(Name, name, StringComparison.OrdinalIgnoreCase);

        public ProgrammerSpec Parse(string text, string parameters) => _parse(text, parameters);
    }
}
