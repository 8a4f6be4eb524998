using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using SerprogNano.Chips;
using SerprogNano.Host.Sfdp;
using SerprogNano.Host.Remedies;
using SerprogNano.Host.Spi;

namespace SerprogNano.Host.SpiNor
{
    /// <summary>
    /// Finds out which part is on the bus: RDID (REMS and RES when RDID gives nothing), then the chip
    /// database, then the chip's own SFDP tables; or the part the user named.
    /// </summary>
    public static class ChipProber
    {
        private const string WiringAdvice = "check the wiring (power to the chip, MISO, the clip's seating on the chip).";

        /// <summary>What a silent or unreliable bus may also need besides the wiring checked.</summary>
        private static readonly Remedy[] WiringRemedies = { Remedy.LowerSpiSpeed };

        /// <summary>How long a chip that reads busy (WIP) at probe time gets to finish: a block erase's worst case.</summary>
        private static readonly TimeSpan BusyGrace = TimeSpan.FromSeconds(2);

        public static ProbeResult Probe(ISpiMaster master, ChipDatabase database, string? forcedName = null)
        {
            ArgumentNullException.ThrowIfNull(master);
            ArgumentNullException.ThrowIfNull(database);

            // A link cut mid-write can leave an SST part in its AAI sequence, deaf to RDID until WRDI; elsewhere WRDI only clears WEL.
            master.Execute(new[] { SpiNorCommands.WriteDisable() });
            ChipIdentity identity = ReadIdentity(master);
            var warnings = new List<string>();

            if (forcedName != null)
            {
                ChipDefinition forced = database.FindByName(forcedName) ?? throw new UnknownChipException(forcedName, database);
                Recognition recognised = Recognise(master, database, identity);
                (string? contradiction, long? chipSize) = Contradiction(master, identity, forcedName.Trim(), forced, recognised);
                if (contradiction != null)
                {
                    warnings.Add(contradiction + " Going on as told (-c) for reading only: a part the chip does not confirm is never written or erased.");
                }

                return new ProbeResult(forced, identity, "forced", warnings) { Contradiction = contradiction, Recognised = recognised.Chip, ChipSize = chipSize };
            }

            if (identity.Command != "RDID")
            {
                throw new SpiNorException(
                    "probe", null, "The chip does not answer RDID but answers " + identity + ": an old part without a JEDEC id. Name it with -c: reading follows -c, "
                    + "writing and erasing only when the chip's REMS maker and SFDP size confirm the part.");
            }

            Recognition found = Recognise(master, database, identity);
            if (found.Chip == null)
            {
                throw found.Failure!;
            }

            if (found.Source == "SFDP")
            {
                warnings.Add("The chip's id " + identity + " is not in the database: using its SFDP tables.");
            }

            return new ProbeResult(found.Chip, identity, found.Source, warnings) { Candidates = found.Candidates };
        }

        /// <summary>What the chip is taken for by its RDID answer: one database entry, several that behave alike, or its SFDP tables.</summary>
        private static Recognition Recognise(ISpiMaster master, ChipDatabase database, ChipIdentity identity)
        {
            if (identity.Command != "RDID")
            {
                return new Recognition(null, "", [], null);
            }

            IReadOnlyList<ChipDefinition> matches = database.FindByJedecId(identity.Manufacturer, identity.Device);
            if (matches.Count == 1)
            {
                return new Recognition(matches[0], "database", matches, null);
            }

            if (matches.Count > 1)
            {
                ChipDefinition? alike = SharedIdChips.Merge(matches, out string? difference);
                return alike != null
                    ? new Recognition(alike, "database", matches, null)
                    : new Recognition(null, "database", matches, new AmbiguousChipException(identity.ToString(), matches, difference!));
            }

            SfdpInfo? sfdp = SfdpParser.Parse((address, length) => ReadSfdp(master, address, length));
            return sfdp != null
                ? new Recognition(sfdp.ToChipDefinition(identity.Manufacturer, identity.Device), "SFDP", [], null)
                : new Recognition(null, "", [], new SpiNorException("probe", null, "The chip's id " + identity + " is not in the database and the chip has no SFDP tables: name a compatible part with -c."));
        }

        /// <summary>
        /// Why the chip does not confirm the part named with -c, or null when its RDID answer is that part's id;
        /// and the size the chip itself gives (its id's database entries or its SFDP tables), when it gives one.
        /// A chip without a JEDEC id confirms nothing, unless its REMS maker and SFDP size both agree.
        /// </summary>
        private static (string? Reason, long? ChipSize) Contradiction(ISpiMaster master, ChipIdentity identity, string typed, ChipDefinition forced, Recognition recognised)
        {
            string named = "-c " + typed + " is " + forced.JedecId + ", " + SizeText(forced.Size);
            if (identity.Command == "RDID")
            {
                long? size = recognised.Chip?.Size ?? (recognised.Candidates.Select(c => c.Size).Distinct().Count() == 1 ? recognised.Candidates[0].Size : null);
                if (forced.ManufacturerId == identity.Manufacturer && forced.DeviceId == identity.Device)
                {
                    return (null, size);
                }

                string what = recognised.Chip != null
                    ? recognised.Chip.Name + (recognised.Source == "SFDP" ? " by its SFDP tables" : "") + ", " + SizeText(recognised.Chip.Size)
                    : recognised.Candidates.Count > 0 ? string.Join(" or ", recognised.Candidates.Select(c => c.Name + " " + SizeText(c.Size))) : "not in the database, no SFDP";
                return ("The chip answers " + identity + " (" + what + ") but " + named + "." + SizeConsequence(forced.Size, size), size);
            }

            if (identity.Command == "REMS" && identity.Manufacturer != forced.ManufacturerId)
            {
                return ("The chip answers " + identity + " (maker " + identity.Manufacturer.ToString("X2") + ") but " + named + ".", null);
            }

            SfdpInfo? sfdp = SfdpParser.Parse((address, length) => ReadSfdp(master, address, length));
            if (sfdp != null && sfdp.Size != forced.Size)
            {
                return ("The chip answers " + identity + " and its SFDP tables give " + SizeText(sfdp.Size) + " but " + named + "." + SizeConsequence(forced.Size, sfdp.Size), sfdp.Size);
            }

            if (sfdp == null || identity.Command != "REMS")
            {
                return ("The chip gives no JEDEC id (it answers " + identity + (sfdp == null ? ", and has no SFDP tables" : "") + "), so nothing confirms that it is a " + typed + " of " + SizeText(forced.Size) + ".", sfdp?.Size);
            }

            return (null, sfdp.Size);
        }

        /// <summary>What reading a part of the wrong size does.</summary>
        private static string SizeConsequence(long forcedSize, long? chipSize)
        {
            if (chipSize is not long actual || actual == forcedSize)
            {
                return "";
            }

            return forcedSize > actual
                ? " Past " + SizeText(actual) + " the chip's addresses wrap around to its start: " + SizeText(forcedSize) + " read from it hold its contents " + (forcedSize / actual) + " times over."
                : " Only the first " + SizeText(forcedSize) + " of its " + SizeText(actual) + " would be covered.";
        }

        private static string SizeText(long bytes) => bytes % (1 << 20) == 0 ? (bytes >> 20) + " MiB" : (bytes >> 10) + " KiB";

        /// <summary>RDID, or REMS and RES for parts that lack it; all ones or all zeros means nobody answered, or a chip too busy to.</summary>
        public static ChipIdentity ReadIdentity(ISpiMaster master)
        {
            ChipIdentity? identity = TryReadIdentity(master, out byte[] id);
            if (identity != null)
            {
                return identity;
            }

            if (id[0] == 0xFF && IsBusy(master, out byte status))
            {
                // A busy chip ignores everything but RDSR: give an erase left running (an interrupted write) time to end.
                WaitUntilReadyOrDiagnose(master, status);
                identity = TryReadIdentity(master, out id);
                if (identity != null)
                {
                    return identity;
                }
            }

            string what = id[0] == 0xFF
                ? "All id bytes read 0xFF: no chip answers (MISO floats high)"
                : "All id bytes read 0x00: MISO is held low (chip unpowered or shorted)";
            throw new NoChipAnswerException(what + ". No chip found: " + WiringAdvice) { Remedies = WiringRemedies };
        }

        private static ChipIdentity? TryReadIdentity(ISpiMaster master, out byte[] id)
        {
            id = new byte[3];
            master.Execute(SpiNorCommands.ReadJedecId(id));
            if (!IsBlank(id))
            {
                RequireSameIdTwice(master, id);
                return new ChipIdentity(id[0], (ushort)((id[1] << 8) | id[2]), "RDID");
            }

            var rems = new byte[2];
            master.Execute(SpiNorCommands.ReadManufacturerDeviceId(rems));
            if (!IsBlank(rems))
            {
                return new ChipIdentity(rems[0], rems[1], "REMS");
            }

            var res = new byte[1];
            master.Execute(SpiNorCommands.ReadElectronicSignature(res));
            if (!IsBlank(res))
            {
                return new ChipIdentity(0, res[0], "RES");
            }

            return null;
        }

        /// <summary>RDSR with WIP set, but not all ones (which is what nobody answering reads as).</summary>
        private static bool IsBusy(ISpiMaster master, out byte status)
        {
            var value = new byte[1];
            master.Execute(SpiNorCommands.ReadStatus(SpiNorOpcodes.ReadStatus, value));
            status = value[0];
            return status != 0xFF && (status & SpiNorStatusBits.WriteInProgress) != 0;
        }

        private static void WaitUntilReadyOrDiagnose(ISpiMaster master, byte status)
        {
            long started = Environment.TickCount64;
            while (Environment.TickCount64 - started < BusyGrace.TotalMilliseconds)
            {
                Thread.Sleep(50);
                if (!IsBusy(master, out status))
                {
                    return;
                }
            }

            throw new SpiNorException(
                "probe", null,
                "The chip stays busy: status register 1 reads 0x" + status.ToString("X2") + " (WIP set) for more than " + BusyGrace.TotalSeconds + " s, and a busy chip ignores the id commands. "
                + "An erase left running by an interrupted write can take minutes on a large chip: wait and probe again. If it stays busy the chip hangs: "
                + "power-cycle it (remove the clip or switch the board off, wait 10 s, reconnect), check that WP# and HOLD# are held high (HOLD# low pauses the chip), "
                + "then probe again; a chip busy after a power cycle is faulty.");
        }

        /// <summary>What <see cref="Recognise"/> found: a chip, or the failure that says why not.</summary>
        private sealed record Recognition(ChipDefinition? Chip, string Source, IReadOnlyList<ChipDefinition> Candidates, SpiNorException? Failure);

        /// <summary>A second RDID must agree: ids that change between reads mean bad contact or too fast a clock, not a chip to trust.</summary>
        private static void RequireSameIdTwice(ISpiMaster master, byte[] id)
        {
            var again = new byte[3];
            master.Execute(SpiNorCommands.ReadJedecId(again));
            if (!again.AsSpan().SequenceEqual(id))
            {
                throw new SpiNorException(
                    "probe", null, "The chip's id read " + Convert.ToHexString(id) + " and then " + Convert.ToHexString(again) + ": the contact is unreliable; " + WiringAdvice)
                {
                    Remedies = WiringRemedies,
                };
            }
        }

        /// <summary>RDSFDP of <paramref name="length"/> bytes at an SFDP address.</summary>
        public static byte[] ReadSfdp(ISpiMaster master, int address, int length)
        {
            var bytes = new byte[length];
            master.Execute(SpiNorCommands.ReadSfdp(address, bytes));
            return bytes;
        }

        private static bool IsBlank(byte[] bytes)
        {
            bool ones = true;
            bool zeros = true;
            foreach (byte b in bytes)
            {
                ones &= b == 0xFF;
                zeros &= b == 0x00;
            }

            return ones || zeros;
        }
    }
}
