using System;
using System.Collections.Generic;
using SerprogNano.Host.Chips;
using SerprogNano.Host.Spi;

namespace SerprogNano.Host.SpiNor
{
    /// <summary>
    /// Finds out which part is on the bus: RDID (REMS and RES when RDID gives nothing), then the chip
    /// database, then the chip's own SFDP tables; or the part the user named.
    /// </summary>
    public static class ChipProber
    {
        private const string WiringAdvice = "check the wiring (power to the chip, MISO, the clip's seating on the chip) and try a lower --spispeed.";

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
                ChipDefinition forced = database.FindByName(forcedName)
                    ?? throw new SpiNorException("probe", null, "No chip called \"" + forcedName + "\" is in the database.");
                if (identity.Command != "RDID" || forced.ManufacturerId != identity.Manufacturer || forced.DeviceId != identity.Device)
                {
                    warnings.Add("The chip answered " + identity + " but " + forced.Name + " has id " + forced.JedecId + ": going on as told (-c).");
                }

                return new ProbeResult(forced, identity, "forced", warnings);
            }

            if (identity.Command != "RDID")
            {
                throw new SpiNorException("probe", null, "The chip does not answer RDID but answers " + identity + ": an old part; name it with -c.");
            }

            IReadOnlyList<ChipDefinition> matches = database.FindByJedecId(identity.Manufacturer, identity.Device);
            if (matches.Count == 1)
            {
                return new ProbeResult(matches[0], identity, "database", warnings);
            }

            if (matches.Count > 1)
            {
                throw new AmbiguousChipException(identity.ToString(), matches);
            }

            SfdpInfo? sfdp = SfdpParser.Parse((address, length) => ReadSfdp(master, address, length));
            if (sfdp == null)
            {
                throw new SpiNorException("probe", null, "The chip's id " + identity + " is not in the database and the chip has no SFDP tables: name a compatible part with -c.");
            }

            warnings.Add("The chip's id " + identity + " is not in the database: using its SFDP tables.");
            return new ProbeResult(sfdp.ToChipDefinition(identity.Manufacturer, identity.Device), identity, "SFDP", warnings);
        }

        /// <summary>RDID, or REMS and RES for parts that lack it; all ones or all zeros means nobody answered.</summary>
        public static ChipIdentity ReadIdentity(ISpiMaster master)
        {
            var id = new byte[3];
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

            string what = id[0] == 0xFF
                ? "All id bytes read 0xFF: no chip answers (MISO floats high)"
                : "All id bytes read 0x00: MISO is held low (chip unpowered or shorted)";
            throw new NoChipAnswerException(what + ". No chip found: " + WiringAdvice);
        }

        /// <summary>A second RDID must agree: ids that change between reads mean bad contact or too fast a clock, not a chip to trust.</summary>
        private static void RequireSameIdTwice(ISpiMaster master, byte[] id)
        {
            var again = new byte[3];
            master.Execute(SpiNorCommands.ReadJedecId(again));
            if (!again.AsSpan().SequenceEqual(id))
            {
                throw new SpiNorException(
                    "probe", null, "The chip's id read " + Convert.ToHexString(id) + " and then " + Convert.ToHexString(again) + ": the contact is unreliable; " + WiringAdvice);
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
