using System.Collections.Generic;
using System.CommandLine;
using System.Linq;
using System.Text.RegularExpressions;

namespace SerprogNano.Cli
{
    /// <summary>
    /// The command line as the user typed it, edited into the command that finishes a stopped job, and printed
    /// so that it can be pasted into a POSIX shell.
    /// </summary>
    public sealed partial class TypedCommand
    {
        private readonly IReadOnlyList<string> _words;

        private TypedCommand(IEnumerable<string> words) => _words = words.ToList();

        /// <summary>The words after `serprog`, as parsed (a response file expanded, --opt=value split).</summary>
        public static TypedCommand Of(ParseResult parse) => new(parse.Tokens.Select(token => token.Value));

        /// <summary>Without <paramref name="option"/> (and its value, when it takes one).</summary>
        public TypedCommand Without(string option, bool takesValue = false)
        {
            var words = new List<string>();
            for (int i = 0; i < _words.Count; i++)
            {
                if (_words[i] == option)
                {
                    i += takesValue ? 1 : 0;
                    continue;
                }

                words.Add(_words[i]);
            }

            return new TypedCommand(words);
        }

        /// <summary>With <paramref name="option"/> at the end, unless it is there already.</summary>
        public TypedCommand With(string option) => _words.Contains(option) ? this : new TypedCommand(_words.Append(option));

        /// <summary>Another command with the same words after it.</summary>
        public TypedCommand As(string command) => new(_words.Skip(1).Prepend(command));

        public override string ToString() => "serprog " + string.Join(" ", _words.Select(Quote));

        private static string Quote(string word) => Plain().IsMatch(word) ? word : "'" + word.Replace("'", "'\\''") + "'";

        [GeneratedRegex("^[A-Za-z0-9_@%+=:,./-]+$")]
        private static partial Regex Plain();
    }
}
