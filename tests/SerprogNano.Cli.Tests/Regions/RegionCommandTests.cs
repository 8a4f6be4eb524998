using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using SerprogNano.Emulator.Chip;
using SerprogNano.TestSupport;

namespace SerprogNano.Cli.Tests.Regions
{
    /// <summary>read, write, verify and erase with -l and -i on a chip that outlives each command.</summary>
    [TestClass]
    public sealed class RegionCommandTests
    {
        private const int ChipSize = 4 * 1024 * 1024;

        /// <summary>"mid" starts and ends inside 4 KiB sectors; "top" is the last 64 KiB block.</summary>
        private const string Layout = "00000000:000017ff low\n00001800:000127ff mid\n00012800:003effff rest\n003f0000:003fffff top\n";

        private static readonly Range Mid = 0x1800..0x12800;

        private static (TestFiles Files, EmulatorOverTcp Emulator, byte[] Old, string LayoutPath) Chip(int seed, bool extensions = true)
        {
            var files = new TestFiles();
            var emulator = new EmulatorOverTcp(SpiNorModels.W25Q32FV, extensions: extensions);
            byte[] old = File.ReadAllBytes(files.RandomImage("old.bin", ChipSize, seed));
            emulator.Chip.Load(old);
            string layout = files.PathOf("chip.layout");
            File.WriteAllText(layout, Layout);
            return (files, emulator, old, layout);
        }

        [TestMethod]
        public void Write_with_include_changes_only_the_region_and_keeps_the_bytes_around_it_in_shared_erase_blocks()
        {
            var (files, emulator, old, layout) = Chip(seed: 31);
            using (files)
            using (emulator)
            {
                byte[] image = File.ReadAllBytes(files.RandomImage("new.bin", ChipSize, seed: 32));
                string backup = files.PathOf("backup.bin");

                CliRun run = CliRun.Of("write", files.PathOf("new.bin"), "-p", emulator.Programmer, "-l", layout, "-i", "mid", "--backup", backup, "--json");

                Assert.AreEqual(ExitCodes.Ok, run.ExitCode, run.ToString());
                byte[] chip = emulator.Chip.Snapshot();
                CollectionAssert.AreEqual(image[Mid], chip[Mid], "the region holds the image");
                CollectionAssert.AreEqual(old[..Mid.Start], chip[..Mid.Start], "bytes before the region, 0x1000-0x17FF sharing its first sector");
                CollectionAssert.AreEqual(old[Mid.End..], chip[Mid.End..], "bytes after the region, 0x12800-0x12FFF sharing its last sector");
                CollectionAssert.AreEqual(old, File.ReadAllBytes(backup), "the backup covers the whole chip");
                JsonElement json = run.Json();
                Assert.IsTrue(json.GetProperty("verified").GetBoolean());
                Assert.AreEqual(ChipSize, json.GetProperty("bytesVerified").GetInt64(), "the rest was read back too, as flashrom does by default");
                Assert.AreEqual("mid", json.GetProperty("regions")[0].GetProperty("name").GetString());
            }
        }

        [TestMethod]
        public void Bits_flipped_on_the_way_back_are_not_written_into_the_bytes_kept_around_the_region()
        {
            var (files, emulator, old, layout) = Chip(seed: 53);
            using (files)
            using (emulator)
            {
                byte[] image = File.ReadAllBytes(files.RandomImage("new.bin", ChipSize, seed: 54));
                // About 170 flipped bits in every read of the chip, the most a region write takes: merged as read, those in
                // the kept bytes of the shared sectors would be programmed back and then read back as "unchanged".
                emulator.Chip.Faults.SetReadBitFlips(5e-6, seed: 55);

                CliRun run = CliRun.Of("write", files.PathOf("new.bin"), "-p", emulator.Programmer, "-c", "W25Q32FV", "-l", layout, "-i", "mid", "--no-backup");

                Assert.AreEqual(ExitCodes.Ok, run.ExitCode, run.ToString());
                byte[] chip = emulator.Chip.Snapshot();
                CollectionAssert.AreEqual(image[Mid], chip[Mid]);
                CollectionAssert.AreEqual(old[..Mid.Start], chip[..Mid.Start], "the kept bytes of the first shared sector are the chip's, not a noisy read's");
                CollectionAssert.AreEqual(old[Mid.End..], chip[Mid.End..], "the kept bytes of the last shared sector too");
            }
        }

        [TestMethod]
        public void A_link_too_noisy_to_keep_the_bytes_around_the_region_is_refused_before_anything_changes()
        {
            var (files, emulator, old, layout) = Chip(seed: 57);
            using (files)
            using (emulator)
            {
                string image = files.RandomImage("new.bin", ChipSize, seed: 58);
                // About 3 flipped bits in every 4 KiB read: three reads that agree are wrong somewhere now and then.
                emulator.Chip.Faults.SetReadBitFlips(1e-4, seed: 59);

                CliRun run = CliRun.Of("write", image, "-p", emulator.Programmer, "-c", "W25Q32FV", "-l", layout, "-i", "mid", "--no-backup");

                Assert.AreEqual(ExitCodes.Failed, run.ExitCode, run.ToString());
                StringAssert.Contains(run.Error, "flipped");
                StringAssert.Contains(run.Error, "Nothing was changed");
                emulator.Chip.Faults.Clear();
                CollectionAssert.AreEqual(old, emulator.Chip.Snapshot());
            }
        }

        [TestMethod]
        public void Noverify_all_reads_back_only_the_region_and_the_erase_blocks_it_shares()
        {
            // serprog v1: with the extensions the whole chip is compared by CRC-32 anyway.
            var (files, emulator, old, layout) = Chip(seed: 33, extensions: false);
            using (files)
            using (emulator)
            {
                byte[] image = File.ReadAllBytes(files.RandomImage("new.bin", ChipSize, seed: 34));

                CliRun run = CliRun.Of("write", files.PathOf("new.bin"), "-p", emulator.Programmer, "-l", layout, "-i", "mid", "-N", "--no-backup", "--json");

                Assert.AreEqual(ExitCodes.Ok, run.ExitCode, run.ToString());
                byte[] chip = emulator.Chip.Snapshot();
                CollectionAssert.AreEqual(image[Mid], chip[Mid]);
                CollectionAssert.AreEqual(old[..Mid.Start], chip[..Mid.Start]);
                CollectionAssert.AreEqual(old[Mid.End..], chip[Mid.End..]);
                // The region 0x1800-0x127FF widened to the sectors it shares: 0x1000-0x12FFF.
                Assert.AreEqual(0x12000L, run.Json().GetProperty("bytesVerified").GetInt64());
                StringAssert.Contains(run.Error, "the rest was not checked, as --noverify-all asks");
            }
        }

        [TestMethod]
        public void Include_with_a_file_writes_that_file_into_the_region()
        {
            var (files, emulator, old, layout) = Chip(seed: 35);
            using (files)
            using (emulator)
            {
                string regionFile = files.RandomImage("top.bin", 0x10000, seed: 36);

                CliRun run = CliRun.Of("write", files.PathOf("old.bin"), "-p", emulator.Programmer, "-l", layout, "-i", "top:" + regionFile, "--no-backup");

                Assert.AreEqual(ExitCodes.Ok, run.ExitCode, run.ToString());
                byte[] chip = emulator.Chip.Snapshot();
                CollectionAssert.AreEqual(File.ReadAllBytes(regionFile), chip[0x3F0000..]);
                CollectionAssert.AreEqual(old[..0x3F0000], chip[..0x3F0000]);
            }
        }

        [TestMethod]
        public void Read_with_include_fills_the_rest_with_ff_and_a_named_file_gets_the_region_alone()
        {
            var (files, emulator, old, layout) = Chip(seed: 37);
            using (files)
            using (emulator)
            {
                string dump = files.PathOf("dump.bin");
                string regionFile = files.PathOf("mid.bin");

                CliRun run = CliRun.Of("read", dump, "-p", emulator.Programmer, "-l", layout, "-i", "mid:" + regionFile, "--passes", "2");

                Assert.AreEqual(ExitCodes.Ok, run.ExitCode, run.ToString());
                byte[] full = File.ReadAllBytes(dump);
                Assert.AreEqual(ChipSize, full.Length);
                CollectionAssert.AreEqual(old[Mid], full[Mid]);
                Assert.IsTrue(full[..Mid.Start].All(b => b == 0xFF) && full[Mid.End..].All(b => b == 0xFF), "the other bytes are 0xFF");
                CollectionAssert.AreEqual(old[Mid], File.ReadAllBytes(regionFile), "the region's own file holds the region alone");

                string onlyRegion = files.PathOf("top-only.bin");
                CliRun regionOnly = CliRun.Of("read", files.PathOf("dump2.bin"), "-p", emulator.Programmer, "-l", layout, "-i", "top:" + onlyRegion);
                Assert.AreEqual(ExitCodes.Ok, regionOnly.ExitCode, regionOnly.ToString());
                CollectionAssert.AreEqual(old[0x3F0000..], File.ReadAllBytes(onlyRegion));
            }
        }

        /// <summary>Issue 21 finding 10: `read ... -i fd:IMAGE --force` replaced an 8 MiB image with the 4 KiB region.</summary>
        [TestMethod]
        public void Read_force_keeps_a_region_file_that_is_no_earlier_read_of_that_region()
        {
            var (files, emulator, old, layout) = Chip(seed: 38);
            using (files)
            using (emulator)
            {
                string image = files.RandomImage("image.bin", ChipSize, seed: 40);
                byte[] imageBefore = File.ReadAllBytes(image);
                string dump = files.PathOf("dump.bin");

                CliRun run = CliRun.Of("read", dump, "-p", emulator.Programmer, "-l", layout, "-i", "mid:" + image, "--force");

                Assert.AreEqual(ExitCodes.Failed, run.ExitCode, run.ToString());
                StringAssert.Contains(run.Error, image + " exists and holds 4194304 bytes, not the 69632 bytes of region 'mid'", run.ToString());
                CollectionAssert.AreEqual(imageBefore, File.ReadAllBytes(image), "the image is as it was");
                Assert.IsFalse(File.Exists(dump), run.ToString());

                // An earlier read of the region is what --force is for.
                string regionFile = files.PathOf("mid.bin");
                File.WriteAllBytes(regionFile, new byte[Mid.End.Value - Mid.Start.Value]);
                CliRun again = CliRun.Of("read", dump, "-p", emulator.Programmer, "-l", layout, "-i", "mid:" + regionFile, "--force");
                Assert.AreEqual(ExitCodes.Ok, again.ExitCode, again.ToString());
                CollectionAssert.AreEqual(old[Mid], File.ReadAllBytes(regionFile));
            }
        }

        [TestMethod]
        public void Verify_with_include_compares_only_the_region()
        {
            var (files, emulator, old, layout) = Chip(seed: 39);
            using (files)
            using (emulator)
            {
                byte[] image = (byte[])old.Clone();
                image[0x100] ^= 0xFF;
                string imagePath = files.PathOf("image.bin");
                File.WriteAllBytes(imagePath, image);

                CliRun same = CliRun.Of("verify", imagePath, "-p", emulator.Programmer, "-l", layout, "-i", "mid");
                Assert.AreEqual(ExitCodes.Ok, same.ExitCode, same.ToString());
                StringAssert.Contains(same.Output, "VERIFIED: mid on the chip matches image.bin (69632 bytes compared; the rest was not)");

                CliRun differs = CliRun.Of("verify", imagePath, "-p", emulator.Programmer, "-l", layout, "-i", "low");
                Assert.AreEqual(ExitCodes.Failed, differs.ExitCode, differs.ToString());
                StringAssert.Contains(differs.Error, "first at 0x000100");
            }
        }

        [TestMethod]
        public void Erase_with_include_blanks_only_the_region()
        {
            var (files, emulator, old, layout) = Chip(seed: 41);
            using (files)
            using (emulator)
            {
                CliRun run = CliRun.Of("erase", "-p", emulator.Programmer, "-l", layout, "-i", "mid");

                Assert.AreEqual(ExitCodes.Ok, run.ExitCode, run.ToString());
                byte[] chip = emulator.Chip.Snapshot();
                Assert.IsTrue(chip[Mid].All(b => b == 0xFF), "the region is blank");
                CollectionAssert.AreEqual(old[..Mid.Start], chip[..Mid.Start]);
                CollectionAssert.AreEqual(old[Mid.End..], chip[Mid.End..]);
            }
        }

        [TestMethod]
        public void An_unknown_region_is_a_usage_error_listing_the_regions_and_the_chip_is_untouched()
        {
            var (files, emulator, old, layout) = Chip(seed: 43);
            using (files)
            using (emulator)
            {
                CliRun run = CliRun.Of("write", files.RandomImage("new.bin", ChipSize, 44), "-p", emulator.Programmer, "-l", layout, "-i", "bios", "--no-backup");

                Assert.AreEqual(ExitCodes.Usage, run.ExitCode, run.ToString());
                StringAssert.Contains(run.Error, "There is no region 'bios'");
                StringAssert.Contains(run.Error, "The regions are: low, mid, rest, top.");
                Assert.AreEqual(string.Empty, run.Output, "refused before the programmer was opened");
                CollectionAssert.AreEqual(old, emulator.Chip.Snapshot());
            }
        }

        [TestMethod]
        public void Overlapping_included_regions_are_refused_and_the_chip_is_untouched()
        {
            var (files, emulator, old, layout) = Chip(seed: 45);
            using (files)
            using (emulator)
            {
                string overlapping = files.PathOf("overlap.layout");
                File.WriteAllText(overlapping, "00000000:0000ffff a\n00008000:0001ffff b\n");

                CliRun run = CliRun.Of("write", files.RandomImage("new.bin", ChipSize, 46), "-p", emulator.Programmer, "-l", overlapping, "-i", "a", "-i", "b", "--no-backup");

                Assert.AreEqual(ExitCodes.Failed, run.ExitCode, run.ToString());
                StringAssert.Contains(run.Error, "Included regions 'a' [0x00000000-0x0000FFFF] and 'b' [0x00008000-0x0001FFFF] overlap");
                CollectionAssert.AreEqual(old, emulator.Chip.Snapshot());
            }
        }

        [TestMethod]
        public void A_region_beyond_the_chip_is_refused_and_the_chip_is_untouched()
        {
            var (files, emulator, old, layout) = Chip(seed: 47);
            using (files)
            using (emulator)
            {
                string tooBig = files.PathOf("8m.layout");
                File.WriteAllText(tooBig, "00000000:00000fff fd\n00600000:007fffff bios\n");

                CliRun run = CliRun.Of("erase", "-p", emulator.Programmer, "-l", tooBig, "-i", "bios");

                Assert.AreEqual(ExitCodes.Failed, run.ExitCode, run.ToString());
                StringAssert.Contains(run.Error, "Region 'bios' [0x00600000-0x007FFFFF]");
                StringAssert.Contains(run.Error, "ends beyond the chip");
                CollectionAssert.AreEqual(old, emulator.Chip.Snapshot());

                // Regions beyond the chip that are not included only draw a warning, as in flashrom.
                CliRun fd = CliRun.Of("read", files.PathOf("fd.bin"), "-p", emulator.Programmer, "-l", tooBig, "-i", "fd");
                Assert.AreEqual(ExitCodes.Ok, fd.ExitCode, fd.ToString());
                StringAssert.Contains(fd.Error, "warning: Region 'bios' [0x00600000-0x007FFFFF] lies beyond this 4194304 byte chip");
            }
        }

        /// <summary>An FMAP at 0x10000: RW_A and RW_B, 1 MiB each; the chip's has RW_A at 1 MiB, an image built for another board may swap them.</summary>
        private static byte[] WithFmap(byte[] contents, uint rwA, uint rwB)
        {
            byte[] copy = (byte[])contents.Clone();
            new FmapImage { Size = ChipSize }.Area(0x10000, 0x1000, "FMAP").Area(rwA, 0x100000, "RW_A").Area(rwB, 0x100000, "RW_B").PlaceAt(copy, 0x10000);
            return copy;
        }

        /// <summary>A chip of random bytes with its FMAP: RW_A at 0x100000, RW_B at 0x200000.</summary>
        private static (TestFiles Files, EmulatorOverTcp Emulator, byte[] Chip) FmapChip(int seed)
        {
            var (files, emulator, old, _) = Chip(seed);
            byte[] chip = WithFmap(old, rwA: 0x100000, rwB: 0x200000);
            emulator.Chip.Load(chip);
            return (files, emulator, chip);
        }

        [TestMethod]
        public void Fmap_write_of_an_image_whose_area_lies_elsewhere_than_on_the_chip_is_refused_and_says_what_differs()
        {
            var (files, emulator, chip) = FmapChip(seed: 56);
            using (files)
            using (emulator)
            {
                string imagePath = files.PathOf("moved.rom");
                File.WriteAllBytes(imagePath, WithFmap(File.ReadAllBytes(files.RandomImage("new.bin", ChipSize, seed: 57)), rwA: 0x200000, rwB: 0x100000));

                CliRun run = CliRun.Of("write", imagePath, "-p", emulator.Programmer, "--fmap", "-i", "RW_A", "--no-backup");

                Assert.AreEqual(ExitCodes.Failed, run.ExitCode, run.ToString());
                StringAssert.Contains(run.Error, "The image's FMAP defines other areas than the chip's (chip: RW_A [0x00100000-0x001FFFFF], RW_B [0x00200000-0x002FFFFF]; image: RW_A [0x00200000-0x002FFFFF], RW_B [0x00100000-0x001FFFFF]). Nothing was written.");
                StringAssert.Contains(run.Error, "write the whole image (leave out --fmap and -i)");
                StringAssert.Contains(run.Error, "--fmap-file FILE or -l FILE");
                CollectionAssert.AreEqual(chip, emulator.Chip.Snapshot(), "the chip is unchanged");
            }
        }

        [TestMethod]
        public void Fmap_write_of_an_image_without_an_fmap_is_refused_and_the_chip_is_untouched()
        {
            var (files, emulator, chip) = FmapChip(seed: 58);
            using (files)
            using (emulator)
            {

                CliRun run = CliRun.Of("write", files.RandomImage("plain.rom", ChipSize, seed: 59), "-p", emulator.Programmer, "--fmap", "-i", "RW_A", "--no-backup");

                Assert.AreEqual(ExitCodes.Failed, run.ExitCode, run.ToString());
                StringAssert.Contains(run.Error, "In the image: No FMAP");
                StringAssert.Contains(run.Error, "nothing was written");
                CollectionAssert.AreEqual(chip, emulator.Chip.Snapshot());
            }
        }

        [TestMethod]
        public void Fmap_write_of_an_image_with_the_chips_areas_changes_only_the_area()
        {
            var (files, emulator, chip) = FmapChip(seed: 60);
            using (files)
            using (emulator)
            {
                byte[] image = WithFmap(File.ReadAllBytes(files.RandomImage("new.bin", ChipSize, seed: 61)), rwA: 0x100000, rwB: 0x200000);
                string imagePath = files.PathOf("same-map.rom");
                File.WriteAllBytes(imagePath, image);

                CliRun run = CliRun.Of("write", imagePath, "-p", emulator.Programmer, "--fmap", "-i", "RW_A", "--no-backup");

                Assert.AreEqual(ExitCodes.Ok, run.ExitCode, run.ToString());
                StringAssert.Contains(run.Output, "VERIFIED: RW_A matches the image");
                byte[] after = emulator.Chip.Snapshot();
                CollectionAssert.AreEqual(image[0x100000..0x200000], after[0x100000..0x200000]);
                CollectionAssert.AreEqual(chip[..0x100000], after[..0x100000]);
                CollectionAssert.AreEqual(chip[0x200000..], after[0x200000..]);
            }
        }

        [TestMethod]
        public void Ifd_on_a_chip_without_a_descriptor_is_refused_and_the_chip_is_untouched()
        {
            var (files, emulator, old, _) = Chip(seed: 49);
            using (files)
            using (emulator)
            {
                CliRun erase = CliRun.Of("erase", "-p", emulator.Programmer, "--ifd", "-i", "bios");
                CliRun write = CliRun.Of("write", files.RandomImage("new.bin", ChipSize, 50), "-p", emulator.Programmer, "--ifd", "-i", "bios", "--no-backup");

                foreach (CliRun run in new[] { erase, write })
                {
                    Assert.AreEqual(ExitCodes.Failed, run.ExitCode, run.ToString());
                    StringAssert.Contains(run.Error, "No Intel flash descriptor");
                    StringAssert.Contains(run.Error, "Use -l with a layout file or --fmap instead of --ifd");
                }

                CollectionAssert.AreEqual(old, emulator.Chip.Snapshot());
            }
        }

        [TestMethod]
        [DataRow("read", "dump.bin", "-i", "bios", "-i bios needs a layout that defines the region: add -l FILE, --ifd, --fmap or --fmap-file FILE.")]
        [DataRow("erase", null, "--ifd", "--fmap", "--ifd and --fmap each give a layout; give one of them.")]
        [DataRow("verify", "image.bin", "--ifd", null, "--ifd only names regions: choose them with -i NAME")]
        [DataRow("write", "image.bin", "-N", null, "--noverify-all only matters with -i")]
        [DataRow("read", null, "--ifd", "-i=bios", "argument missing")]
        public void Contradictory_region_options_are_usage_errors_before_the_programmer_is_opened(string command, string? file, string first, string? second, string message)
        {
            using var files = new TestFiles();
            string image = files.RandomImage("image.bin", 1024, seed: 51);
            var args = new System.Collections.Generic.List<string> { command };
            if (file != null)
            {
                args.Add(file == "image.bin" ? image : files.PathOf(file));
            }

            // A programmer nobody listens on: a usage error must come first.
            args.AddRange(["-p", "tcp:127.0.0.1:9", first]);
            if (second != null)
            {
                args.AddRange(second.Split('='));
            }

            CliRun run = CliRun.Of(args.ToArray());

            Assert.AreEqual(ExitCodes.Usage, run.ExitCode, run.ToString());
            StringAssert.Contains(run.Error, message);
        }

        [TestMethod]
        public void Probe_prints_flash_size_and_flash_name_alone_on_stdout_as_flashrom_does()
        {
            using var emulator = new EmulatorOverTcp(SpiNorModels.W25Q32FV);

            CliRun size = CliRun.Of("probe", "-p", emulator.Programmer, "--flash-size");
            CliRun name = CliRun.Of("probe", "-p", emulator.Programmer, "-c", "W25Q32FV", "--flash-name");
            CliRun json = CliRun.Of("probe", "-p", emulator.Programmer, "--flash-size", "--json");

            Assert.AreEqual(ExitCodes.Ok, size.ExitCode, size.ToString());
            Assert.AreEqual(ChipSize + "\n", size.Output.Replace("\r\n", "\n"));
            StringAssert.Contains(size.Error, "Chip: ");
            Assert.AreEqual(ExitCodes.Ok, name.ExitCode, name.ToString());
            StringAssert.Matches(name.Output, new System.Text.RegularExpressions.Regex("^vendor=\"Winbond\" name=\"[^\"]*W25Q32FV[^\"]*\"\r?\n$"));
            Assert.AreEqual(ChipSize, json.Json().GetProperty("flashSize").GetInt64());
        }

        [TestMethod]
        public void Flashprogs_list_option_points_to_the_chips_command()
        {
            CliRun run = CliRun.Of("-L");

            Assert.AreEqual(ExitCodes.Usage, run.ExitCode, run.ToString());
            StringAssert.Contains(run.Error, "serprog chips [FILTER]");
        }
    }
}
