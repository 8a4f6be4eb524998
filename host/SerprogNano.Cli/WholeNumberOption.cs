using System.CommandLine;
using System.CommandLine.Parsing;
using SerprogNano.Text;

namespace SerprogNano.Cli
{
    /// <summary>
    /// Every numeric option of `serprog`: read by <see cref="WholeNumber"/> within a stated range, so "abc",
    /// "1e9" or 99999999999 is a usage error (exit 2) naming the option and the range, not a crash or a
    /// wrapped-around value.
    /// </summary>
    public static class WholeNumberOption
    {
        public static Option<long> Create(string name, string description, long minimum, long maximum, long defaultValue)
        {
            return new Option<long>(name)
            {
                Description = description + " (" + minimum + " to " + maximum + ", default " + defaultValue + ")",
                DefaultValueFactory = _ => defaultValue,
                CustomParser = result => Parse(result, minimum, maximum) ?? defaultValue,
            };
        }

        /// <summary>An option whose absence means something of its own (null).</summary>
        public static Option<long?> Optional(string name, string description, long minimum, long maximum)
        {
            return new Option<long?>(name)
            {
                Description = description + " (" + minimum + " to " + maximum + ")",
                CustomParser = result => Parse(result, minimum, maximum),
            };
        }

        private static long? Parse(ArgumentResult result, long minimum, long maximum)
        {
            if (result.Tokens.Count == 0)
            {
                return null;
            }

            string text = result.Tokens[0].Value;
            if (WholeNumber.TryParse(text, minimum, maximum, out long value))
            {
                return value;
            }

            string option = result.Parent is OptionResult parent ? parent.Option.Name : result.Argument.Name;
            result.AddError(option + " wants " + WholeNumber.Range(minimum, maximum) + "; got '" + text + "'.");
            return null;
        }
    }
}
