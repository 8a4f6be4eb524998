using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace SerprogNano.Chips
{
    /// <summary>The known 25xx SPI NOR parts, loaded from chips.json and checked entry by entry.</summary>
    public sealed class ChipDatabase
    {
        private const string ResourceName = "SerprogNano.Chips.chips.json";

        private static readonly Lazy<ChipDatabase> DefaultDatabase = new(LoadEmbedded);

        private readonly Dictionary<string, ChipDefinition> byName;

        private ChipDatabase(IReadOnlyList<ChipDefinition> chips)
        {
            Chips = chips;
            byName = new Dictionary<string, ChipDefinition>(StringComparer.OrdinalIgnoreCase);
            foreach (ChipDefinition chip in chips)
            {
                foreach (string name in chip.Names)
                {
                    if (!byName.TryAdd(name, chip))
                    {
                        throw new ChipDatabaseException($"chip \"{chip.Name}\": name \"{name}\" is already used by \"{byName[name].Name}\"");
                    }
                }
            }
        }

        /// <summary>The built-in database (chips.json), loaded on first use.</summary>
        public static ChipDatabase Default => DefaultDatabase.Value;

        public IReadOnlyList<ChipDefinition> Chips { get; }

        /// <summary>Reads and validates a database in chips.json format; throws <see cref="ChipDatabaseException"/> naming the bad entry.</summary>
        public static ChipDatabase Load(Stream json)
        {
            ChipDatabaseFile? file;
            try
            {
                file = JsonSerializer.Deserialize(json, ChipJsonContext.Default.ChipDatabaseFile);
            }
            catch (JsonException exception)
            {
                throw new ChipDatabaseException($"chip database is not valid: {exception.Message}", exception);
            }

            List<ChipRecord> records = file?.Chips ?? throw new ChipDatabaseException("chip database has no \"chips\" list");
            var chips = new ChipDefinition[records.Count];
            for (int i = 0; i < records.Count; i++)
            {
                chips[i] = ChipRecordMapper.ToDefinition(records[i], i);
                ChipDefinitionValidator.Validate(chips[i]);
            }

            return new ChipDatabase(chips);
        }

        /// <summary>
        /// Every entry with this RDID answer. Several parts may share one ID; when more than one comes back
        /// the caller must let the user pick one by name (-c).
        /// </summary>
        public IReadOnlyList<ChipDefinition> FindByJedecId(byte manufacturer, ushort device)
        {
            return Chips.Where(chip => chip.ManufacturerId == manufacturer && chip.DeviceId == device).ToArray();
        }

        /// <summary>The entry with this name, ignoring case; a single part of a "A/B/C" entry name also matches.</summary>
        public ChipDefinition? FindByName(string name)
        {
            return byName.GetValueOrDefault(name.Trim());
        }

        /// <summary>
        /// Part names that look like <paramref name="name"/>, best first, for a -c the database does not know:
        /// names containing it (or contained in it, as an ordering code holds the part name), then those within
        /// a few typing mistakes ('.' in a database name stands for any one character, as in flashprog).
        /// </summary>
        public IReadOnlyList<string> ClosestNames(string name, int count = 6)
        {
            ArgumentNullException.ThrowIfNull(name);
            string wanted = name.Trim().ToUpperInvariant();
            int allowed = Math.Max(2, wanted.Length / 3);
            var scored = new List<(int Score, string Name)>();
            foreach (ChipDefinition chip in Chips)
            {
                foreach (string part in chip.Name.Split('/'))
                {
                    string upper = part.ToUpperInvariant();
                    if (wanted.Length >= 3 && (upper.Contains(wanted, StringComparison.Ordinal) || wanted.Contains(upper, StringComparison.Ordinal)))
                    {
                        scored.Add((Math.Abs(upper.Length - wanted.Length) - 100, part));
                        continue;
                    }

                    int distance = EditDistance(wanted, upper);
                    if (distance <= allowed)
                    {
                        scored.Add((distance, part));
                    }
                }
            }

            return scored.OrderBy(s => s.Score).ThenBy(s => s.Name, StringComparer.Ordinal).Select(s => s.Name).Distinct().Take(count).ToArray();
        }

        /// <summary>Levenshtein distance; a '.' in <paramref name="pattern"/> matches any character free.</summary>
        private static int EditDistance(string typed, string pattern)
        {
            var previous = new int[pattern.Length + 1];
            var current = new int[pattern.Length + 1];
            for (int j = 0; j <= pattern.Length; j++)
            {
                previous[j] = j;
            }

            for (int i = 1; i <= typed.Length; i++)
            {
                current[0] = i;
                for (int j = 1; j <= pattern.Length; j++)
                {
                    int substitution = typed[i - 1] == pattern[j - 1] || pattern[j - 1] == '.' ? 0 : 1;
                    current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + substitution);
                }

                (previous, current) = (current, previous);
            }

            return previous[pattern.Length];
        }

        private static ChipDatabase LoadEmbedded()
        {
            using Stream json = typeof(ChipDatabase).Assembly.GetManifestResourceStream(ResourceName)
                ?? throw new ChipDatabaseException($"embedded resource {ResourceName} is missing from the chips assembly");
            return Load(json);
        }
    }
}
