using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace SerprogNano.Chips
{
    /// <summary>The names one database entry answers to, from its name spelled as flashrom spells it.</summary>
    public static class ChipNames
    {
        /// <summary>
        /// The whole name, its leading parts where it has more than two (flashrom's "GD25Q256D/GD25Q256E" of the entry
        /// flashprog later spelled "GD25Q256D/GD25Q256E/GD25B256D"), then each part between '/' outside parentheses, with what flashrom's shorthands stand for:
        /// a part of one or two characters replaces as many at the end of the part before it ("MX25U3235E/F":
        /// MX25U3235F), and a "(A/B)" suffix gives the base and each completion ("EN25Q32(A/B)": EN25Q32, EN25Q32A, EN25Q32B).
        /// </summary>
        public static IReadOnlyList<string> Expand(string name)
        {
            ArgumentNullException.ThrowIfNull(name);
            var names = new List<string> { name };
            IReadOnlyList<string> parts = SplitOutsideParentheses(name);
            for (int count = 2; count < parts.Count; count++)
            {
                Add(names, string.Join('/', parts.Take(count)));
            }

            string? previous = null;
            foreach (string written in parts)
            {
                string part = previous != null && written.Length < 3 && previous.Length > written.Length
                    ? string.Concat(previous.AsSpan(0, previous.Length - written.Length), written)
                    : written;
                Add(names, part);
                int open = part.IndexOf('(', StringComparison.Ordinal);
                if (open > 0 && part.EndsWith(')') && part.IndexOf('(', open + 1) < 0)
                {
                    string stem = part[..open];
                    Add(names, stem);
                    foreach (string completion in part[(open + 1)..^1].Split('/'))
                    {
                        Add(names, stem + completion);
                    }
                }

                previous = part;
            }

            return names;
        }

        /// <summary>The parts of a name between '/' that stand outside parentheses.</summary>
        public static IReadOnlyList<string> SplitOutsideParentheses(string name)
        {
            ArgumentNullException.ThrowIfNull(name);
            var parts = new List<string>();
            var current = new StringBuilder();
            int depth = 0;
            foreach (char c in name)
            {
                depth += c == '(' ? 1 : c == ')' ? -1 : 0;
                if (c == '/' && depth == 0)
                {
                    parts.Add(current.ToString());
                    current.Clear();
                }
                else
                {
                    current.Append(c);
                }
            }

            parts.Add(current.ToString());
            return parts;
        }

        private static void Add(List<string> names, string name)
        {
            if (!names.Contains(name))
            {
                names.Add(name);
            }
        }
    }
}
