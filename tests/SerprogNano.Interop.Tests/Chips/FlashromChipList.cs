using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.RegularExpressions;

namespace SerprogNano.Interop.Tests.Chips
{
    /// <summary>One chip of flashrom -L: vendor, name, size and the operations it reports tested and broken (letters of "PREW").</summary>
    internal sealed record FlashromChip(string Vendor, string Name, long Size, string Type, string Tested, string Broken);

    /// <summary>
    /// The "Supported flash chips" table of flashrom -L. Its columns are fixed: vendor 29 characters, name 37, then
    /// "Test OK" and "Known Broken" (one column per letter of PREW) and the size in kB; a vendor or name too long for its
    /// column goes on in the same column of the next lines ("GD25B128B/" then "GD25Q128B").
    /// </summary>
    internal static partial class FlashromChipList
    {
        public static IReadOnlyList<FlashromChip> Parse(string listing)
        {
            var chips = new List<FlashromChip>();
            bool inTable = false;
            foreach (string line in listing.Split('\n'))
            {
                if (line.StartsWith("Supported flash chips", StringComparison.Ordinal))
                {
                    inTable = true;
                    continue;
                }

                if (!inTable || line.Trim().Length == 0)
                {
                    continue;
                }

                if (line.StartsWith("Supported ", StringComparison.Ordinal))
                {
                    break;
                }

                Match row = Row().Match(line.TrimEnd('\r'));
                if (row.Success)
                {
                    chips.Add(new FlashromChip(
                        row.Groups["vendor"].Value.Trim(),
                        row.Groups["name"].Value.Trim(),
                        long.Parse(row.Groups["size"].Value, CultureInfo.InvariantCulture) * 1024,
                        row.Groups["type"].Value,
                        Letters(row.Groups["ok"].Value),
                        Letters(row.Groups["broken"].Value)));
                }
                else if (chips.Count > 0)
                {
                    // The header lines come before the first chip; after it, a line that is no row goes on the one before.
                    FlashromChip last = chips[^1];
                    string vendor = line[..Math.Min(29, line.Length)].Trim();
                    string name = line.Length > 29 ? line[29..Math.Min(66, line.Length)].Trim() : "";
                    chips[^1] = last with
                    {
                        Vendor = vendor.Length == 0 ? last.Vendor : last.Vendor + (last.Vendor.EndsWith('/') ? "" : " ") + vendor,
                        Name = last.Name + name,
                    };
                }
            }

            return chips;
        }

        /// <summary>The PREW letters of a status column ("PR--" is probe and read; '-' marks an operation that does not apply).</summary>
        private static string Letters(string column) => string.Concat(column.Split('-')[0].Replace(" ", "", StringComparison.Ordinal));

        [GeneratedRegex(@"^(?<vendor>.{29})(?<name>.{37})(?<ok>.{6})(?<broken>.{6})\s*(?<size>\d+)\s+(?<type>\S+)\s*$")]
        private static partial Regex Row();
    }
}
