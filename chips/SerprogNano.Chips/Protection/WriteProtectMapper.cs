using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace SerprogNano.Chips.Protection
{
    /// <summary>Attaches chips.json's write-protect layouts to the chips they name, refusing unknown names, bad bits and doubles.</summary>
    internal static class WriteProtectMapper
    {
        public static ChipDefinition[] Attach(WriteProtectRecord? record, ChipDefinition[] chips)
        {
            if (record is null)
            {
                return chips;
            }

            var index = new Dictionary<string, int>(StringComparer.Ordinal);
            for (int i = 0; i < chips.Length; i++)
            {
                index[chips[i].Name] = i;
            }

            foreach (WriteProtectLayoutRecord layoutRecord in record.Layouts ?? [])
            {
                WriteProtectLayout layout = Map(layoutRecord);
                foreach (string name in layoutRecord.Chips ?? throw Fail(layout.Name, "chips is missing"))
                {
                    int at = Find(index, name, layout.Name);
                    if (chips[at].WriteProtect is not null)
                    {
                        throw Fail(layout.Name, $"chip \"{name}\" already has layout \"{chips[at].WriteProtect!.Name}\"");
                    }

                    int highest = layout.Bits.Concat(layout.MustKeep).Max(bit => bit.Register);
                    if (highest > chips[at].StatusRegisters)
                    {
                        throw Fail(layout.Name, $"chip \"{name}\" has {chips[at].StatusRegisters} status register(s), the layout uses register {highest}");
                    }

                    chips[at] = chips[at] with { WriteProtect = layout };
                }
            }

            foreach (string name in record.UnprotectedBeforeChange ?? [])
            {
                int at = Find(index, name, "unprotectedBeforeChange");
                chips[at] = chips[at] with { UnprotectedBeforeChange = true };
            }

            return chips;
        }

        private static int Find(Dictionary<string, int> index, string name, string where)
        {
            return index.TryGetValue(name, out int at) ? at : throw Fail(where, $"no chip is called \"{name}\" (use the entry's whole name)");
        }

        private static WriteProtectLayout Map(WriteProtectLayoutRecord record)
        {
            string name = record.Name ?? throw Fail("(unnamed)", "name is missing");
            List<string> bp = record.Bp ?? throw Fail(name, "bp is missing");
            if (bp.Count is < 2 or > 4)
            {
                throw Fail(name, "bp must list 2 to 4 bits, BP0 first");
            }

            var blockProtect = new SpiNorStatusBit[bp.Count];
            for (int i = 0; i < bp.Count; i++)
            {
                blockProtect[i] = ParseBit(bp[i], name, $"bp[{i}]");
            }

            var layout = new WriteProtectLayout
            {
                Name = name,
                Decoding = record.Decode ?? throw Fail(name, "decode is missing"),
                BlockProtect = blockProtect,
                TopBottom = Optional(record.Tb, name, "tb"),
                Sector = Optional(record.Sec, name, "sec"),
                Complement = Optional(record.Cmp, name, "cmp"),
                StatusRegisterProtect = Optional(record.Srp, name, "srp"),
                StatusRegisterLock = Optional(record.Srl, name, "srl"),
                QuadEnable = Optional(record.Qe, name, "qe"),
                OneTimeLocks = (record.Otp ?? []).Select((text, i) => ParseBit(text, name, $"otp[{i}]")).ToArray(),
            };

            var seen = new HashSet<SpiNorStatusBit>();
            foreach (SpiNorStatusBit bit in layout.Bits.Concat(layout.MustKeep))
            {
                if (bit.Register == 1 && bit.Mask <= 0x02)
                {
                    throw Fail(name, $"{Text(bit)} is WIP or WEL");
                }

                if (!seen.Add(bit))
                {
                    throw Fail(name, $"{Text(bit)} is used twice");
                }
            }

            return layout;
        }

        private static SpiNorStatusBit? Optional(string? text, string layout, string field) => text is null ? null : ParseBit(text, layout, field);

        /// <summary>"SR2.6": status register 2 (read by 0x35), bit 6.</summary>
        private static SpiNorStatusBit ParseBit(string text, string layout, string field)
        {
            string[] parts = text.StartsWith("SR", StringComparison.Ordinal) ? text[2..].Split('.') : [];
            if (parts.Length != 2
                || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int register) || register is < 1 or > 3
                || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int bit) || bit is < 0 or > 7)
            {
                throw Fail(layout, $"{field} \"{text}\" must be SR<register 1-3>.<bit 0-7>, e.g. \"SR1.7\"");
            }

            return new SpiNorStatusBit(register, (byte)(1 << bit));
        }

        /// <summary>"SR1.7" as chips.json writes it.</summary>
        private static string Text(SpiNorStatusBit bit) => "SR" + bit.Register + "." + System.Numerics.BitOperations.Log2(bit.Mask);

        private static ChipDatabaseException Fail(string layout, string problem) => new($"chips.json writeProtect \"{layout}\": {problem}");
    }
}
