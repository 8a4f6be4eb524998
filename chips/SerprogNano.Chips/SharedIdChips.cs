using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace SerprogNano.Chips
{
    /// <summary>
    /// Several database entries answering one JEDEC id: when they agree on everything reading, erasing and
    /// writing use, one definition drives any of them, and the user need not say which part it is.
    /// </summary>
    public static class SharedIdChips
    {
        /// <summary>
        /// The definition every candidate can be driven by, or null with <paramref name="difference"/> naming
        /// what they disagree on (and how) when that matters.
        /// Size, page, program method (AAI, byte program), 4-byte addressing, EWSR, the block-protect bits, chip
        /// erase, whether serprog writes them at all, and supply voltage must agree; flashrom's tested operations are
        /// those every candidate has, its broken ones those any has; erase blocks are those every candidate has (same size and
        /// opcodes); busy times are the slowest candidate's, and status registers the most any candidate has
        /// (only `info` reads past the first, and reading one a part lacks is harmless).
        /// </summary>
        public static ChipDefinition? Merge(IReadOnlyList<ChipDefinition> candidates, out string? difference)
        {
            ArgumentNullException.ThrowIfNull(candidates);
            if (candidates.Count == 0)
            {
                throw new ArgumentException("No candidates to merge.", nameof(candidates));
            }

            difference = FirstDifference(candidates);
            if (difference != null)
            {
                return null;
            }

            List<EraseBlockType> blocks = CommonEraseBlocks(candidates);
            if (blocks.Count == 0)
            {
                difference = "erase blocks (" + Each(candidates, c => string.Join(" ", c.EraseBlocks.Select(Describe))) + ")";
                return null;
            }

            double voltageMin = candidates.Max(c => c.VoltageMin);
            double voltageMax = candidates.Min(c => c.VoltageMax);
            if (voltageMin > voltageMax)
            {
                difference = "supply voltage (" + Each(candidates, c => Volts(c.VoltageMin) + "-" + Volts(c.VoltageMax) + " V") + ")";
                return null;
            }

            ChipDefinition first = candidates[0];
            return first with
            {
                Name = string.Join("/", candidates.Select(c => c.Name)),
                Vendor = string.Join("/", candidates.Select(c => c.Vendor).Distinct(StringComparer.Ordinal)),
                EraseBlocks = blocks,
                VoltageMin = voltageMin,
                VoltageMax = voltageMax,
                StatusRegisters = candidates.Max(c => c.StatusRegisters),
                Tested = string.Concat(first.Tested.Where(letter => candidates.All(c => c.Tested.Contains(letter, StringComparison.Ordinal)))),
                Broken = string.Concat("PREW".Where(letter => candidates.Any(c => c.Broken.Contains(letter, StringComparison.Ordinal)))),

                // A protection layout only when every candidate has that same one: otherwise it is unknown.
                WriteProtect = candidates.All(c => ReferenceEquals(c.WriteProtect, first.WriteProtect)) ? first.WriteProtect : null,
                UnprotectedBeforeChange = candidates.All(c => c.UnprotectedBeforeChange),
                Timings = new ChipTimings(
                    candidates.Max(c => c.Timings.PageProgramTypical),
                    candidates.Max(c => c.Timings.PageProgramMax),
                    candidates.Max(c => c.Timings.ChipEraseTypical),
                    candidates.Max(c => c.Timings.ChipEraseMax)),
            };
        }

        private static string? FirstDifference(IReadOnlyList<ChipDefinition> candidates)
        {
            (string What, Func<ChipDefinition, string> Value)[] mustAgree =
            [
                ("size", c => c.Size.ToString(CultureInfo.InvariantCulture) + " bytes"),
                ("page size", c => c.PageSize.ToString(CultureInfo.InvariantCulture) + " bytes"),
                ("program method", c => c.SstAai ? "SST AAI" : c.ByteProgramOnly ? "byte program" : "page program"),
                ("addressing past 16 MiB", c => c.FourByteAddressing switch
                {
                    FourByteAddressing.Enter4ByteMode => "EN4B mode",
                    FourByteAddressing.FourByteOpcodes => "4-byte opcodes",
                    _ => "3-byte only",
                }),
                ("status register write", c => c.NeedsEwsr ? "EWSR" : "WREN"),
                ("block-protect bits", c => "0x" + c.ProtectMask.ToString("X2", CultureInfo.InvariantCulture)),
                ("chip erase", c => c.ChipEraseOpcode is byte op ? "0x" + op.ToString("X2", CultureInfo.InvariantCulture) : "none"),
                ("whether serprog writes them", c => c.ChangeRefusal is string why ? "no, " + why : "yes"),
            ];
            foreach (var (what, value) in mustAgree)
            {
                if (candidates.Select(value).Distinct(StringComparer.Ordinal).Count() > 1)
                {
                    return what + " (" + Each(candidates, value) + ")";
                }
            }

            return null;
        }

        /// <summary>The erase blocks (same size and opcodes) every candidate has, smallest first, with the slowest busy times.</summary>
        private static List<EraseBlockType> CommonEraseBlocks(IReadOnlyList<ChipDefinition> candidates)
        {
            var common = new List<EraseBlockType>();
            foreach (EraseBlockType block in candidates[0].EraseBlocks)
            {
                EraseBlockType merged = block;
                bool everywhere = true;
                foreach (ChipDefinition other in candidates)
                {
                    EraseBlockType? same = other.EraseBlocks.FirstOrDefault(b => b.Size == block.Size && b.Opcode == block.Opcode && b.Opcode4Byte == block.Opcode4Byte);
                    if (same == null)
                    {
                        everywhere = false;
                        break;
                    }

                    merged = merged with
                    {
                        TypicalTime = Max(merged.TypicalTime, same.TypicalTime),
                        MaxTime = Max(merged.MaxTime, same.MaxTime),
                    };
                }

                if (everywhere)
                {
                    common.Add(merged);
                }
            }

            return common;
        }

        private static string Each(IReadOnlyList<ChipDefinition> candidates, Func<ChipDefinition, string> value)
        {
            return string.Join("; ", candidates.Select(c => c.Name + ": " + value(c)));
        }

        private static string Describe(EraseBlockType block)
        {
            return (block.Size / 1024).ToString(CultureInfo.InvariantCulture) + " KiB 0x" + block.Opcode.ToString("X2", CultureInfo.InvariantCulture)
                + (block.Opcode4Byte is byte op4 ? "/0x" + op4.ToString("X2", CultureInfo.InvariantCulture) : "");
        }

        private static string Volts(double volts) => volts.ToString("0.0#", CultureInfo.InvariantCulture);

        private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
    }
}
