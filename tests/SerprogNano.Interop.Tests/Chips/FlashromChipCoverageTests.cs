using System;
using System.Collections.Generic;
using System.Linq;
using SerprogNano.Chips;
using SerprogNano.TestSupport;

namespace SerprogNano.Interop.Tests.Chips
{
    /// <summary>Every SPI NOR part the installed flashrom lists is in the chip database, under flashrom's name, with its size.</summary>
    [TestClass]
    public sealed class FlashromChipCoverageTests
    {
        /// <summary>
        /// flashrom's SPI chips that are not SPI NOR flash, by name prefix, with the reason. Nothing else may be missing.
        /// </summary>
        private static readonly (string Prefix, string Reason)[] Exclusions =
        [
            ("AT45", "Atmel DataFlash: page-buffer command set (0xD2 reads, 0x82 page writes, odd page sizes), not 25-series"),
            ("MX23L", "Macronix mask ROM: read-only, nothing to erase or write"),
            ("M95M02", "ST M95 EEPROM: byte-addressed EEPROM command set, no erase"),
            ("KB9012 (EDI)", "ENE embedded controller flashed through its EDI protocol, not a flash chip"),
        ];

        public TestContext TestContext { get; set; } = null!;

        [TestMethod]
        public void Every_spi_chip_flashrom_lists_is_in_the_database_with_its_size_and_status()
        {
            IReadOnlyList<FlashromChip> spi = FlashromChipList.Parse(Flashrom.List()).Where(chip => chip.Type == "SPI").ToList();
            Assert.IsGreaterThan(300, spi.Count, "flashrom -L lists its SPI chips");

            var problems = new List<string>();
            int excluded = 0;
            foreach (FlashromChip chip in spi)
            {
                if (Exclusions.Any(exclusion => chip.Name.StartsWith(exclusion.Prefix, StringComparison.Ordinal)))
                {
                    excluded++;
                    continue;
                }

                ChipDefinition? entry = ChipDatabase.Default.FindByName(chip.Name);
                if (entry == null)
                {
                    problems.Add($"{chip.Vendor} {chip.Name} ({chip.Size / 1024} kB): not in the database");
                }
                else if (entry.Size != chip.Size)
                {
                    problems.Add($"{chip.Name}: flashrom says {chip.Size} bytes, the database {entry.Size}");
                }
                else if (entry.Tested != chip.Tested || entry.Broken != chip.Broken)
                {
                    problems.Add($"{chip.Name}: flashrom reports tested \"{chip.Tested}\" broken \"{chip.Broken}\", the database \"{entry.Tested}\" \"{entry.Broken}\"");
                }
            }

            TestContext.WriteLine(
                $"flashrom -L: {spi.Count} SPI chips, {excluded} excluded (not SPI NOR), {problems.Count} missing or different; "
                + $"database: {ChipDatabase.Default.Chips.Count} parts of {ChipDatabase.Default.Chips.Select(chip => chip.Vendor).Distinct().Count()} vendors.");
            Assert.IsEmpty(problems, string.Join("\n", problems));
        }

        [TestMethod]
        public void Listing_is_read_with_names_and_vendors_that_go_on_over_several_lines()
        {
            const string Listing = """
                Supported flash chips (total: 3):

                Vendor                       Device                               Test  Known   Size   Type      
                                                                                  OK    Broken  [kB]             

                (P = PROBE, R = READ, E = ERASE, W = WRITE, - = N/A)

                Atmel                        AT26F004                                      W      512  SPI       
                GigaDevice                   GD25B128B/                           PREW          16384  SPI       
                                             GD25Q128B
                Macronix                     MX23L3254                            PR--           4096  SPI       
                Micron/                      M25P05-A                             PREW             64  SPI       
                Numonyx/ST                   

                Supported programmers:
                """;

            IReadOnlyList<FlashromChip> chips = FlashromChipList.Parse(Listing);

            CollectionAssert.AreEqual(
                new[]
                {
                    new FlashromChip("Atmel", "AT26F004", 512 * 1024, "SPI", "", "W"),
                    new FlashromChip("GigaDevice", "GD25B128B/GD25Q128B", 16384 * 1024, "SPI", "PREW", ""),
                    new FlashromChip("Macronix", "MX23L3254", 4096 * 1024, "SPI", "PR", ""),
                    new FlashromChip("Micron/Numonyx/ST", "M25P05-A", 64 * 1024, "SPI", "PREW", ""),
                },
                chips.ToArray());
        }
    }
}
