using System;
using System.Collections.Generic;
using System.Globalization;

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
            byte[] jedec = ParseJedec(Require(record.Jedec, "jedec"));
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
                ManufacturerId = jedec[0],
                DeviceId = (ushort)((jedec[1] << 8) | jedec[2]),
                Size = size,
                PageSize = Require(record.PageSize, "pageSize"),
                EraseBlocks = MapEraseBlocks(Require(record.EraseBlocks, "eraseBlocks")),
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

        private byte[] ParseJedec(string text)
        {
            string[] parts = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length != 3)
            {
                throw Fail($"jedec \"{text}\" must be three hex bytes like \"EF 40 17\"");
            }

            return [ParseByte(parts[0], "jedec"), ParseByte(parts[1], "jedec"), ParseByte(parts[2], "jedec")];
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
