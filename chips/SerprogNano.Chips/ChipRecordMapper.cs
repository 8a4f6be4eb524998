using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace SerprogNano.Chips
{
    /// <summary>Turns a chips.json entry into a <see cref="ChipDefinition"/>, naming the entry in every complaint.</summary>
    internal sealed class ChipRecordMapper
    {
        private readonly ChipRecord record;
        private readonly string entry;

        private ChipRecordMapper(ChipRecord record, int index)
        {
            this.record = record;
            entry = record.Name is null ? $"chips.json entry #{index}" : $"chips.json entry #{index} \"{record.Name}\"";
        }

        public static ChipDefinition ToDefinition(ChipRecord record, int index)
        {
            return new ChipRecordMapper(record, index).Map();
        }

        private ChipDefinition Map()
        {
            (byte[] id, byte manufacturer, ushort device) = MapId();
            long size = Require(record.Size, "size");
            List<double> voltage = Require(record.Voltage, "voltage");
            if (voltage.Count != 2)
            {
                throw Fail("voltage must be [min, max]");
            }

            return new ChipDefinition
            {
                Name = Require(record.Name, "name"),
                Vendor = Require(record.Vendor, "vendor"),
                ManufacturerId = manufacturer,
                DeviceId = device,
                IdCommand = record.Probe,
                IdBytes = id,
                Size = size,
                PageSize = Require(record.PageSize, "pageSize"),
                EraseBlocks = MapEraseBlocks(Require(record.EraseBlocks, "eraseBlocks")),
                NonUniformErase = MapEraseRegions(record.EraseRegions ?? []),
                ChipEraseOpcode = record.ChipErase is null ? null : ParseByte(record.ChipErase, "chipErase"),
                VoltageMin = voltage[0],
                VoltageMax = voltage[1],
                SstAai = record.Aai,
                ByteProgramOnly = record.ByteProgramOnly,
                FourByteAddressing = record.FourByte,
                NeedsEwsr = record.Ewsr,
                StatusRegisters = Require(record.StatusRegisters, "statusRegisters"),
                ProtectMask = ParseByte(Require(record.ProtectMask, "protectMask"), "protectMask"),
                Timings = MapTimings(size),
                RemsDeviceId = record.RemsDeviceId is null ? null : ParseByte(record.RemsDeviceId, "remsDeviceId"),
                WriteStatusTypical = MapWriteStatusTime(),
                Tested = MapOperations(record.Tested, "tested"),
                Broken = MapOperations(record.Broken, "broken"),
                Quirk = record.Quirk,
                HasSfdp = record.Sfdp,
            };
        }

        private EraseBlockType[] MapEraseBlocks(List<EraseBlockRecord> blocks)
        {
            var mapped = new EraseBlockType[blocks.Count];
            for (int i = 0; i < blocks.Count; i++)
            {
                EraseBlockRecord block = blocks[i];
                int size = Require(block.Size, $"eraseBlocks[{i}].size");
                (TimeSpan typical, TimeSpan max) = block.TimeMs is null
                    ? GenericTimings.ForEraseBlock(size)
                    : ParseTimePair(block.TimeMs, $"eraseBlocks[{i}].timeMs");
                mapped[i] = new EraseBlockType(
                    size,
                    ParseByte(Require(block.Opcode, $"eraseBlocks[{i}].opcode"), $"eraseBlocks[{i}].opcode"),
                    block.Opcode4Byte is null ? null : ParseByte(block.Opcode4Byte, $"eraseBlocks[{i}].opcode4Byte"),
                    typical,
                    max);
            }

            return mapped;
        }

        /// <summary>
        /// The id bytes and what ManufacturerId and DeviceId hold: RDID parts give "jedec", the others "id" with as
        /// many bytes as their id command answers; the first byte is the maker (none for a one-byte RES signature).
        /// </summary>
        private (byte[] Id, byte Manufacturer, ushort Device) MapId()
        {
            if (record.Probe == ChipIdCommand.Rdid)
            {
                if (record.Id is not null)
                {
                    throw Fail("an RDID part gives its id as \"jedec\", not \"id\"");
                }

                byte[] jedec = ParseBytes(Require(record.Jedec, "jedec"), "jedec", 3, "three hex bytes like \"EF 40 17\"");
                return (jedec, jedec[0], (ushort)((jedec[1] << 8) | jedec[2]));
            }

            if (record.Jedec is not null)
            {
                throw Fail($"a part probed by {record.Probe} gives its id as \"id\", not \"jedec\"");
            }

            (int length, string example) = record.Probe switch
            {
                ChipIdCommand.Res1 => (1, "\"05\""),
                ChipIdCommand.Rdid4 => (4, "\"7F 37 20 15\""),
                ChipIdCommand.BigSpansion => (6, "\"01 20 18 4D 00 80\""),
                _ => (2, "\"BF 44\""),
            };
            byte[] id = ParseBytes(Require(record.Id, "id"), "id", length, $"{length} hex byte(s) like {example}");
            return length == 1 ? (id, (byte)0, id[0]) : (id, id[0], length == 2 ? id[1] : (ushort)((id[1] << 8) | id[2]));
        }

        private NonUniformEraseType[] MapEraseRegions(List<EraseRegionsRecord> erasers)
        {
            var mapped = new NonUniformEraseType[erasers.Count];
            for (int i = 0; i < erasers.Count; i++)
            {
                string field = $"eraseRegions[{i}]";
                List<List<int>> regions = Require(erasers[i].Regions, field + ".regions");
                var pairs = new EraseRegion[regions.Count];
                for (int j = 0; j < regions.Count; j++)
                {
                    pairs[j] = regions[j].Count == 2 ? new EraseRegion(regions[j][0], regions[j][1]) : throw Fail($"{field}.regions[{j}] must be [size, count]");
                }

                mapped[i] = new NonUniformEraseType(ParseByte(Require(erasers[i].Opcode, field + ".opcode"), field + ".opcode"), pairs);
            }

            return mapped;
        }

        /// <summary>flashrom's operation letters: a subset of "PREW", in that order.</summary>
        private string MapOperations(string? letters, string field)
        {
            if (letters is null)
            {
                return "";
            }

            string ordered = string.Concat("PREW".Where(letter => letters.Contains(letter, StringComparison.Ordinal)));
            return ordered == letters && ordered.Length > 0 ? ordered : throw Fail($"{field} \"{letters}\" must be letters of \"PREW\" in that order");
        }

        private ChipTimings MapTimings(long size)
        {
            ChipTimings generic = GenericTimings.ForChip(size);
            (TimeSpan programTypical, TimeSpan programMax) = record.PageProgramMs is null
                ? (generic.PageProgramTypical, generic.PageProgramMax)
                : ParseTimePair(record.PageProgramMs, "pageProgramMs");
            (TimeSpan eraseTypical, TimeSpan eraseMax) = record.ChipEraseMs is null
                ? (generic.ChipEraseTypical, generic.ChipEraseMax)
                : ParseTimePair(record.ChipEraseMs, "chipEraseMs");
            return new ChipTimings(programTypical, programMax, eraseTypical, eraseMax);
        }

        private TimeSpan? MapWriteStatusTime()
        {
            if (record.WriteStatusMs is not double milliseconds)
            {
                return null;
            }

            return milliseconds >= 0 ? TimeSpan.FromMilliseconds(milliseconds) : throw Fail("writeStatusMs must not be negative");
        }

        private (TimeSpan Typical, TimeSpan Max) ParseTimePair(List<double> milliseconds, string field)
        {
            if (milliseconds.Count != 2 || milliseconds[0] <= 0 || milliseconds[1] < milliseconds[0])
            {
                throw Fail($"{field} must be [typical, max] with 0 < typical <= max");
            }

            return (TimeSpan.FromMilliseconds(milliseconds[0]), TimeSpan.FromMilliseconds(milliseconds[1]));
        }

        private byte[] ParseBytes(string text, string field, int count, string expected)
        {
            string[] parts = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length != count)
            {
                throw Fail($"{field} \"{text}\" must be {expected}");
            }

            return parts.Select(part => ParseByte(part, field)).ToArray();
        }

        private byte ParseByte(string text, string field)
        {
            string digits = text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? text[2..] : text;
            if (digits.Length is < 1 or > 2 || !byte.TryParse(digits, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out byte value))
            {
                throw Fail($"{field} \"{text}\" is not a hex byte");
            }

            return value;
        }

        private T Require<T>(T? value, string field)
            where T : class
        {
            return value ?? throw Fail($"{field} is missing");
        }

        private T Require<T>(T? value, string field)
            where T : struct
        {
            return value ?? throw Fail($"{field} is missing");
        }

        private ChipDatabaseException Fail(string problem)
        {
            return new ChipDatabaseException($"{entry}: {problem}");
        }
    }
}
