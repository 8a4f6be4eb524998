using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using SerprogNano.Protocol;

namespace SerprogNano.Host.Serprog.Compatibility
{
    /// <summary>
    /// The programmer-compatibility table (firmwares.json): recognises a firmware by its Q_PGMNAME and exact
    /// Q_CMDMAP and says how to drive it. Anything it does not recognise is driven stop-and-wait.
    /// </summary>
    public sealed class FirmwareProfiles
    {
        private const string ResourceName = "SerprogNano.Host.Serprog.Compatibility.firmwares.json";

        private static readonly Lazy<FirmwareProfiles> BuiltIn = new(LoadBuiltIn);

        private FirmwareProfiles(IReadOnlyList<FirmwareProfile> profiles)
        {
            Profiles = profiles;
        }

        /// <summary>The table built into the host.</summary>
        public static FirmwareProfiles Default => BuiltIn.Value;

        public IReadOnlyList<FirmwareProfile> Profiles { get; }

        /// <summary>Reads and checks a table in firmwares.json format; throws <see cref="FormatException"/> naming the bad entry.</summary>
        public static FirmwareProfiles Parse(Stream json)
        {
            FirmwareFile file = JsonSerializer.Deserialize(json, FirmwareJsonContext.Default.FirmwareFile)
                ?? throw new FormatException("firmwares.json is empty.");
            var profiles = new List<FirmwareProfile>();
            List<FirmwareRecord> records = file.Firmwares ?? throw new FormatException("firmwares.json has no \"firmwares\" list.");
            for (int i = 0; i < records.Count; i++)
            {
                profiles.Add(Map(records[i], "firmwares.json entry #" + i + (records[i].Id is string id ? " \"" + id + "\"" : "")));
            }

            return new FirmwareProfiles(profiles);
        }

        /// <summary>
        /// Picks the profile for a connected programmer from what it said at start-up, and the limits to use:
        /// the smaller of the device's claim and the profile's cap.
        /// </summary>
        /// <param name="serialBuffer">Q_SERBUF's answer, or null when the device lacks it.</param>
        public FirmwareDriving Choose(string name, byte[] commandMap, int? serialBuffer, int maxWriteLength, int maxReadLength)
        {
            ArgumentNullException.ThrowIfNull(name);
            ArgumentNullException.ThrowIfNull(commandMap);
            FirmwareProfile? sameName = null;
            foreach (FirmwareProfile profile in Profiles)
            {
                if (!NameMatches(profile, name))
                {
                    continue;
                }

                sameName ??= profile;
                if (profile.CommandMap == null || MapEquals(profile.CommandMap, commandMap))
                {
                    return Drive(profile, name, serialBuffer, maxWriteLength, maxReadLength);
                }
            }

            string why = sameName == null
                ? "unknown firmware \"" + name + "\": not in the compatibility table"
                : "unknown firmware: it calls itself \"" + name + "\" but its command map (" + Describe(commandMap) + ") is not one the table knows for that name";
            return new FirmwareDriving
            {
                SendAheadBytes = 0,
                MaxWriteLength = maxWriteLength,
                MaxReadLength = maxReadLength,
                Reason = why + ", so it is driven stop-and-wait as flashprog drives it: one command, then its whole reply.",
            };
        }

        /// <summary>Opcode names of a Q_CMDMAP, comma-separated.</summary>
        public static string Describe(byte[] commandMap)
        {
            var names = new List<string>();
            for (int opcode = 0; opcode < 256; opcode++)
            {
                if (CommandMap.IsSet(commandMap, 0, (byte)opcode))
                {
                    names.Add(SerprogCommandTable.NameOf(opcode));
                }
            }

            return string.Join(", ", names);
        }

        private static FirmwareDriving Drive(FirmwareProfile profile, string name, int? serialBuffer, int maxWriteLength, int maxReadLength)
        {
            int sendAhead = 0;
            if (profile.SendAheadLimit is int limit)
            {
                // A device that does not report its buffer gets stop-and-wait even when its profile would allow more.
                sendAhead = serialBuffer is int reported ? Math.Min(reported, limit) : 0;
            }

            string matched = profile.NamePrefix != null
                ? "Q_PGMNAME \"" + name + "\" starts with \"" + profile.NamePrefix + "\""
                : "Q_PGMNAME \"" + name + "\" and its command map";
            return new FirmwareDriving
            {
                Profile = profile,
                SendAheadBytes = sendAhead,
                MaxWriteLength = Math.Min(maxWriteLength, profile.MaxWriteLength ?? int.MaxValue),
                MaxReadLength = Math.Min(maxReadLength, profile.MaxReadLength ?? int.MaxValue),
                Avoid = profile.Avoid,
                Reason = profile.Title + " (" + matched + " match profile \"" + profile.Id + "\"): " + (sendAhead == 0 ? "stop-and-wait" : "pipelined up to " + sendAhead + " bytes ahead") + ", because " + profile.Why + ".",
            };
        }

        private static bool NameMatches(FirmwareProfile profile, string name)
        {
            return profile.Name != null
                ? string.Equals(profile.Name, name, StringComparison.Ordinal)
                : name.StartsWith(profile.NamePrefix!, StringComparison.Ordinal);
        }

        private static bool MapEquals(IReadOnlySet<byte> expected, byte[] commandMap)
        {
            for (int opcode = 0; opcode < 256; opcode++)
            {
                if (CommandMap.IsSet(commandMap, 0, (byte)opcode) != expected.Contains((byte)opcode))
                {
                    return false;
                }
            }

            return true;
        }

        private static FirmwareProfile Map(FirmwareRecord record, string entry)
        {
            string Required(string? value, string field) => string.IsNullOrWhiteSpace(value) ? throw new FormatException(entry + " has no \"" + field + "\".") : value;

            if ((record.Name == null) == (record.NamePrefix == null))
            {
                throw new FormatException(entry + " needs exactly one of \"name\" and \"namePrefix\".");
            }

            if (record.SendAheadLimit is < 1 || record.MaxWriteLength is < 1 || record.MaxReadLength is < 1)
            {
                throw new FormatException(entry + ": sendAheadLimit, maxWriteLength and maxReadLength must be 1 or more (leave sendAheadLimit out for stop-and-wait).");
            }

            var avoid = new Dictionary<byte, string>();
            foreach (AvoidedRecord avoided in record.Avoid ?? new List<AvoidedRecord>())
            {
                avoid[Opcode(Required(avoided.Command, "avoid.command"), entry)] = Required(avoided.Why, "avoid.why");
            }

            return new FirmwareProfile
            {
                Id = Required(record.Id, "id"),
                Title = Required(record.Title, "title"),
                Source = Required(record.Source, "source"),
                Name = record.Name,
                NamePrefix = record.NamePrefix,
                CommandMap = record.CommandMap?.Select(c => Opcode(c, entry)).ToHashSet(),
                SendAheadLimit = record.SendAheadLimit,
                MaxWriteLength = record.MaxWriteLength,
                MaxReadLength = record.MaxReadLength,
                Avoid = avoid,
                Why = Required(record.Why, "why"),
            };
        }

        private static byte Opcode(string name, string entry)
        {
            for (int opcode = 0; opcode < 256; opcode++)
            {
                if (SerprogCommandTable.IsDefined(opcode) && SerprogCommandTable.NameOf(opcode) == name)
                {
                    return (byte)opcode;
                }
            }

            throw new FormatException(entry + " names \"" + name + "\", which is no serprog command.");
        }

        private static FirmwareProfiles LoadBuiltIn()
        {
            using Stream json = typeof(FirmwareProfiles).Assembly.GetManifestResourceStream(ResourceName)
                ?? throw new InvalidOperationException("The host was built without " + ResourceName + ".");
            return Parse(json);
        }
    }
}
