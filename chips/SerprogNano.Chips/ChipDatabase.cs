using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using SerprogNano.Chips.Protection;

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
            }

            chips = WriteProtectMapper.Attach(file!.WriteProtect, chips);
            foreach (ChipDefinition chip in chips)
            {
                ChipDefinitionValidator.Validate(chip);
            }

            return new ChipDatabase(chips);
        }

        /// <summary>
        /// Every entry probed by RDID with this answer. Several parts may share one ID; when more than one comes back
        /// the caller must let the user pick one by name (-c).
        /// </summary>
        public IReadOnlyList<ChipDefinition> FindByJedecId(byte manufacturer, ushort device)
        {
            return Chips.Where(chip => chip.IdCommand == ChipIdCommand.Rdid && chip.ManufacturerId == manufacturer && chip.DeviceId == device).ToArray();
        }

        /// <summary>The entry with this name, ignoring case; any other of its <see cref="ChipDefinition.Names"/> (a single part of a "A/B/C" name, a completion of its "(A/B)" suffix) also matches.</summary>
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
                foreach (string part in chip.Names.Skip(chip.Name.Contains('/', StringComparison.Ordinal) ? 1 : 0))
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

        /// <summary>
        /// Edit distance counting two swapped neighbours as one mistake (optimal string alignment), so "GD25Q46C" is
        /// one from GD25Q64C among the many GD25Q parts; a '.' in <paramref name="pattern"/> matches any character free.
        /// </summary>
        private static int EditDistance(string typed, string pattern)
        {
            var distance = new int[typed.Length + 1, pattern.Length + 1];
            for (int i = 0; i <= typed.Length; i++)
            {
                distance[i, 0] = i;
            }

            for (int j = 0; j <= pattern.Length; j++)
            {
                distance[0, j] = j;
            }

            for (int i = 1; i <= typed.Length; i++)
            {
                for (int j = 1; j <= pattern.Length; j++)
                {
                    int substitution = Same(typed[i - 1], pattern[j - 1]) ? 0 : 1;
                    int best = Math.Min(Math.Min(distance[i, j - 1] + 1, distance[i - 1, j] + 1), distance[i - 1, j - 1] + substitution);
                    if (i > 1 && j > 1 && Same(typed[i - 1], pattern[j - 2]) && Same(typed[i - 2], pattern[j - 1]))
                    {
                        best = Math.Min(best, distance[i - 2, j - 2] + 1);
                    }

                    distance[i, j] = best;
                }
            }

            return distance[typed.Length, pattern.Length];
        }

        private static bool Same(char typed, char pattern) => typed == pattern || pattern == '.';

        private static ChipDatabase LoadEmbedded()
        {
            using Stream json = typeof(ChipDatabase).Assembly.GetManifestResourceStream(ResourceName)
                ?? throw new ChipDatabaseException($"embedded resource {ResourceName} is missing from the chips assembly");
            return Load(json);
        }
    }
}
