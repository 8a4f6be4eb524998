using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using SerprogNano.Host.Files;

namespace SerprogNano.Host.Layout
{
    /// <summary>
    /// flashrom's layout file (-l FILE): "start:end name" pairs, hex with or without 0x, both ends inclusive.
    /// flashrom reads it with fscanf("%255s %255s"): tokens are split by any whitespace (blank lines, tabs,
    /// CRLF are fine) and there are no comments. Lines flashrom would misread silently (a '#' comment,
    /// "1000h", a lone range) are errors here, with their line number.
    /// </summary>
    public static class LayoutFile
    {
        /// <summary>flashrom's fscanf width: a longer name would be split into two tokens.</summary>
        public const int MaxNameLength = 255;

        private const string Example = "e.g. '00001000:00002fff gbe'";

        /// <summary>Far more than a layout of every region a chip could have; a larger file is not a layout.</summary>
        public const long MaxFileBytes = 1024 * 1024;

        public static FlashLayout Load(string path)
        {
            byte[] bytes;
            try
            {
                bytes = InputFile.ReadAll(path, "Layout file", MaxFileBytes, "any layout file");
            }
            catch (InputFileException e)
            {
                throw new LayoutException(e.Message);
            }

            // As File.ReadAllText reads it: UTF-8 unless a byte order mark says otherwise.
            using var reader = new StreamReader(new MemoryStream(bytes), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            return Parse(reader.ReadToEnd(), path);
        }

        /// <param name="fileName">Quoted in errors with the line number.</param>
        public static FlashLayout Parse(string text, string fileName)
        {
            List<(string Text, int Line)> tokens = Tokenize(text);
            var regions = new List<FlashRegion>();
            for (int i = 0; i < tokens.Count; i += 2)
            {
                (string range, int line) = tokens[i];
                string where = $"{fileName} line {line}";
                if (range.StartsWith('#'))
                {
                    throw new LayoutException($"{where}: flashrom layout files have no comments; remove '{range}...'.");
                }

                (long start, long end) = ParseRange(range, where);
                if (i + 1 == tokens.Count)
                {
                    throw new LayoutException($"{where}: range '{range}' has no region name; write 'start:end name', {Example}.");
                }

                (string name, int nameLine) = tokens[i + 1];
                if (name.Length > MaxNameLength)
                {
                    throw new LayoutException($"{fileName} line {nameLine}: region name is {name.Length} characters; flashrom reads at most {MaxNameLength}.");
                }

                regions.Add(new FlashRegion(name, start, end, where));
            }

            if (regions.Count == 0)
            {
                throw new LayoutException($"Layout file {fileName} has no regions; write one 'start:end name' line per region, {Example}.");
            }

            return new FlashLayout(regions, $"layout file {fileName}");
        }

        /// <summary>The layout in the form ifdtool -f writes and flashrom -l reads.</summary>
        public static string Format(FlashLayout layout)
        {
            var text = new StringBuilder();
            foreach (FlashRegion region in layout.Regions)
            {
                text.Append(CultureInfo.InvariantCulture, $"{region.Start:x8}:{region.End:x8} {region.Name}\n");
            }

            return text.ToString();
        }

        private static List<(string Text, int Line)> Tokenize(string text)
        {
            var tokens = new List<(string, int)>();
            int line = 1;
            int i = 0;
            while (i < text.Length)
            {
                if (IsSpace(text[i]))
                {
                    line += text[i] == '\n' ? 1 : 0;
                    i++;
                    continue;
                }

                int start = i;
                while (i < text.Length && !IsSpace(text[i]))
                {
                    i++;
                }

                tokens.Add((text[start..i], line));
            }

            return tokens;
        }

        /// <summary>C's isspace, which fscanf uses to split tokens.</summary>
        private static bool IsSpace(char c) => c is ' ' or '\t' or '\n' or '\v' or '\f' or '\r';

        private static (long Start, long End) ParseRange(string token, string where)
        {
            string[] parts = token.Split(':');
            if (parts.Length != 2)
            {
                throw new LayoutException($"{where}: '{token}' is not a range; flashrom layout lines are 'start:end name' in hex, {Example}.");
            }

            return (ParseHex(parts[0], token, where), ParseHex(parts[1], token, where));
        }

        private static long ParseHex(string value, string token, string where)
        {
            string digits = value.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? value[2..] : value;
            if (digits.Length == 0 || !digits.All(char.IsAsciiHexDigit))
            {
                throw new LayoutException($"{where}: '{value}' in '{token}' is not a hex address; write hex digits, with or without 0x, {Example}.");
            }

            string significant = digits.TrimStart('0');
            if (significant.Length > 8)
            {
                throw new LayoutException($"{where}: address '{value}' is beyond 0x{FlashRegion.MaxAddress:X8}, the largest flashrom accepts.");
            }

            return significant.Length == 0 ? 0 : long.Parse(significant, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
        }
    }
}
