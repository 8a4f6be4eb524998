using System;
using System.IO;
using System.Linq;
using SerprogNano.Cli;
using SerprogNano.TestSupport;

namespace SerprogNano.Interop.Tests.Regions
{
    /// <summary>
    /// flashrom's region commands (--ifd, -l, --fmap with -i) and serprog's on the same emulated chip give the same bytes.
    /// Descriptors are given their regions by coreboot's ifdtool, FMAPs are compiled by fmaptool.
    /// </summary>
    [TestClass]
    public sealed class RegionInteropTests
    {
        private const int ChipSize = 8 << 20;

        /// <summary>Canoeboot's X200 layout (flashrom's names), the one ifdtool writes into the descriptor.</summary>
        private const string CanoebootLayout = "00000000:00000fff fd\n00001000:00002fff gbe\n00003000:005fffff me\n00600000:007fffff bios\n";

        private const int GbeStart = 0x1000;
        private const int GbeLength = 0x2000;
        private const int BiosStart = 0x600000;

        /// <summary>
        /// An 8 MiB Canoeboot-like image: the descriptor as ifdtool -n lays it out, then GbE, ME and BIOS bytes of
        /// the given seeds (the GbE seed stands for the board's MAC address).
        /// </summary>
        private static byte[] CanoebootImage(CorebootUtils tools, int gbeSeed, int biosSeed, string layout = CanoebootLayout)
        {
            string basePath = tools.PathOf($"base-{gbeSeed}-{biosSeed}.bin");
            File.WriteAllBytes(basePath, DescriptorImage.Ich9().Region(0, 0).Region(0x7FFF, 0).Region(0x7FFF, 0).Region(0x7FFF, 0).Region(0x7FFF, 0).ToBytes());
            string layoutPath = tools.PathOf($"canoeboot-{gbeSeed}-{biosSeed}.layout");
            File.WriteAllText(layoutPath, layout);
            tools.Run("ifdtool", $"-n \"{layoutPath}\" \"{basePath}\"");
            byte[] image = File.ReadAllBytes(basePath + ".new");
            Assert.AreEqual(ChipSize, image.Length);
            new Random(gbeSeed).NextBytes(image.AsSpan(GbeStart, GbeLength));
            new Random(1000 + biosSeed).NextBytes(image.AsSpan(0x3000, BiosStart - 0x3000));
            new Random(biosSeed).NextBytes(image.AsSpan(BiosStart));
            return image;
        }

        [TestMethod]
        public void Ifd_include_bios_read_gives_flashroms_bytes()
        {
            using var tools = new CorebootUtils();
            using var served = new ServedChip();
            byte[] chip = CanoebootImage(tools, gbeSeed: 1, biosSeed: 2);
            served.Chip.Load(chip);
            var flashrom = new Flashrom($"serprog:ip={served.Endpoint}");
            string theirs = tools.PathOf("flashrom-bios.bin");
            string ours = tools.PathOf("serprog-bios.bin");

            ToolResult result = flashrom.Run($"-c \"{Flashrom.W25Q64}\" --ifd -i bios -r \"{theirs}\"");
            Assert.AreEqual(0, result.ExitCode, result.Output);
            SerprogCli run = SerprogCli.Run("read", ours, "-p", "tcp:" + served.Endpoint, "--ifd", "-i", "bios");
            Assert.AreEqual(ExitCodes.Ok, run.ExitCode, run.ToString());

            byte[] flashromBytes = File.ReadAllBytes(theirs);
            byte[] serprogBytes = File.ReadAllBytes(ours);
            Assert.AreEqual(ChipSize, serprogBytes.Length);
            CollectionAssert.AreEqual(chip[BiosStart..], flashromBytes[BiosStart..], "flashrom read the bios region");
            CollectionAssert.AreEqual(flashromBytes[BiosStart..], serprogBytes[BiosStart..], "serprog read the same bios bytes");
            Assert.IsTrue(serprogBytes[..BiosStart].All(b => b == 0xFF), "serprog leaves the rest 0xFF");
            Assert.IsTrue(flashromBytes[..BiosStart].All(b => b == 0x00), "flashrom 1.3 leaves the rest 0x00 (calloc): the one documented difference");
        }

        [TestMethod]
        public void Layout_include_write_with_straddling_blocks_leaves_the_chip_as_flashrom_does()
        {
            using var tools = new CorebootUtils();
            using var served = new ServedChip();
            // "mid" starts and ends inside 4 KiB sectors: both edge sectors must be erased, merged and rewritten.
            string layoutPath = tools.PathOf("straddle.layout");
            File.WriteAllText(layoutPath, "00000000:000017ff low\n00001800:000127ff mid\n00012800:007fffff high\n");
            byte[] old = new byte[ChipSize];
            new Random(3).NextBytes(old);
            byte[] image = new byte[ChipSize];
            new Random(4).NextBytes(image);
            string imagePath = tools.PathOf("new.bin");
            File.WriteAllBytes(imagePath, image);
            var flashrom = new Flashrom($"serprog:ip={served.Endpoint}");

            served.Chip.Load(old);
            ToolResult result = flashrom.Run($"-c \"{Flashrom.W25Q64}\" -l \"{layoutPath}\" -i mid -w \"{imagePath}\"");
            Assert.AreEqual(0, result.ExitCode, result.Output);
            byte[] afterFlashrom = served.Chip.Snapshot();

            served.Chip.Load(old);
            SerprogCli run = SerprogCli.Run("write", imagePath, "-p", "tcp:" + served.Endpoint, "-l", layoutPath, "-i", "mid", "--no-backup");
            Assert.AreEqual(ExitCodes.Ok, run.ExitCode, run.ToString());
            StringAssert.Contains(run.Output, "VERIFIED: mid matches the image and the rest of the chip is unchanged");
            byte[] afterSerprog = served.Chip.Snapshot();

            CollectionAssert.AreEqual(image[0x1800..0x12800], afterSerprog[0x1800..0x12800], "the region holds the image");
            CollectionAssert.AreEqual(old[..0x1800], afterSerprog[..0x1800], "the bytes before the region, in its first erase block too");
            CollectionAssert.AreEqual(old[0x12800..], afterSerprog[0x12800..], "the bytes after the region, in its last erase block too");
            CollectionAssert.AreEqual(afterFlashrom, afterSerprog, "flashrom -l -i mid -w leaves the same chip");
        }

        [TestMethod]
        public void Fmap_include_area_read_gives_flashroms_bytes()
        {
            using var tools = new CorebootUtils();
            using var served = new ServedChip();
            string fmd = tools.PathOf("board.fmd");
            File.WriteAllText(fmd, "FLASH 8M {\n\tDATA@0x0 64K\n\tFMAP@0x10000 4K\n\tRW_A@0x11000 0x2800\n\tCOREBOOT(CBFS)@0x100000 7M\n}\n");
            string map = tools.PathOf("board.fmap");
            tools.Run("fmaptool", $"\"{fmd}\" \"{map}\"");
            byte[] chip = new byte[ChipSize];
            new Random(5).NextBytes(chip);
            byte[] fmap = File.ReadAllBytes(map);
            fmap.CopyTo(chip, 0x10000);
            served.Chip.Load(chip);
            var flashrom = new Flashrom($"serprog:ip={served.Endpoint}");
            string theirs = tools.PathOf("flashrom-rw.bin");
            string ours = tools.PathOf("serprog-rw.bin");

            ToolResult result = flashrom.Run($"-c \"{Flashrom.W25Q64}\" --fmap -i RW_A -r \"{theirs}\"");
            Assert.AreEqual(0, result.ExitCode, result.Output);
            SerprogCli run = SerprogCli.Run("read", ours, "-p", "tcp:" + served.Endpoint, "--fmap", "-i", "RW_A");
            Assert.AreEqual(ExitCodes.Ok, run.ExitCode, run.ToString());

            Range area = 0x11000..0x13800;
            CollectionAssert.AreEqual(chip[area], File.ReadAllBytes(theirs)[area], "flashrom read the area");
            CollectionAssert.AreEqual(File.ReadAllBytes(theirs)[area], File.ReadAllBytes(ours)[area], "serprog read the same area");
        }

        [TestMethod]
        public void Writing_only_bios_keeps_the_gbe_region_byte_for_byte_as_flashrom_does()
        {
            using var tools = new CorebootUtils();
            using var served = new ServedChip();
            byte[] old = CanoebootImage(tools, gbeSeed: 10, biosSeed: 11);
            byte[] image = CanoebootImage(tools, gbeSeed: 12, biosSeed: 13);
            CollectionAssert.AreNotEqual(old[GbeStart..(GbeStart + GbeLength)], image[GbeStart..(GbeStart + GbeLength)], "the new image's GbE differs");
            string imagePath = tools.PathOf("canoeboot.rom");
            File.WriteAllBytes(imagePath, image);
            string backup = tools.PathOf("backup.bin");

            served.Chip.Load(old);
            SerprogCli run = SerprogCli.Run("write", imagePath, "-p", "tcp:" + served.Endpoint, "--ifd", "-i", "bios", "--backup", backup);
            Assert.AreEqual(ExitCodes.Ok, run.ExitCode, run.ToString());
            byte[] afterSerprog = served.Chip.Snapshot();
            CollectionAssert.AreEqual(old[..BiosStart], afterSerprog[..BiosStart], "descriptor, GbE and ME are untouched");
            CollectionAssert.AreEqual(image[BiosStart..], afterSerprog[BiosStart..], "the BIOS region is the new one");
            CollectionAssert.AreEqual(old, File.ReadAllBytes(backup), "the backup is the whole chip as it was");

            served.Chip.Load(old);
            var flashrom = new Flashrom($"serprog:ip={served.Endpoint}");
            ToolResult result = flashrom.Run($"-c \"{Flashrom.W25Q64}\" --ifd -i bios -w \"{imagePath}\"");
            Assert.AreEqual(0, result.ExitCode, result.Output);
            CollectionAssert.AreEqual(served.Chip.Snapshot(), afterSerprog, "flashrom --ifd -i bios -w leaves the same chip");
        }

        [TestMethod]
        public void An_image_whose_descriptor_differs_from_the_chips_is_refused_with_ifd()
        {
            using var tools = new CorebootUtils();
            using var served = new ServedChip();
            byte[] old = CanoebootImage(tools, gbeSeed: 20, biosSeed: 21);
            // The same board with a shrunk ME (as me_cleaner leaves it): the BIOS region grows.
            byte[] image = CanoebootImage(tools, gbeSeed: 20, biosSeed: 22, "00000000:00000fff fd\n00001000:00002fff gbe\n00003000:0017ffff me\n00180000:007fffff bios\n");
            string imagePath = tools.PathOf("shrunk-me.rom");
            File.WriteAllBytes(imagePath, image);
            served.Chip.Load(old);

            SerprogCli run = SerprogCli.Run("write", imagePath, "-p", "tcp:" + served.Endpoint, "--ifd", "-i", "bios", "--no-backup");

            Assert.AreEqual(ExitCodes.Failed, run.ExitCode, run.ToString());
            StringAssert.Contains(run.Error, "The image's Intel flash descriptor defines other regions than the chip's");
            StringAssert.Contains(run.Error, "bios [0x00180000-0x007FFFFF]");
            StringAssert.Contains(run.Error, "Nothing was written");
            CollectionAssert.AreEqual(old, served.Chip.Snapshot(), "the chip is unchanged");
        }

        [TestMethod]
        public void Writing_bios_to_a_chip_without_a_descriptor_takes_the_images_regions_and_says_so()
        {
            using var tools = new CorebootUtils();
            using var served = new ServedChip();
            byte[] image = CanoebootImage(tools, gbeSeed: 30, biosSeed: 31);
            string imagePath = tools.PathOf("canoeboot.rom");
            File.WriteAllBytes(imagePath, image);

            SerprogCli run = SerprogCli.Run("write", imagePath, "-p", "tcp:" + served.Endpoint, "--ifd", "-i", "bios", "--no-backup");

            Assert.AreEqual(ExitCodes.Ok, run.ExitCode, run.ToString());
            StringAssert.Contains(run.Error, "The chip has no Intel flash descriptor (erased, or not an Intel board's chip): the regions are the image's.");
            byte[] chip = served.Chip.Snapshot();
            CollectionAssert.AreEqual(image[BiosStart..], chip[BiosStart..]);
            Assert.IsTrue(chip[..BiosStart].All(b => b == 0xFF), "only bios was written to the erased chip");
        }

        [TestMethod]
        public void Flash_size_and_flash_name_print_flashroms_last_line()
        {
            using var served = new ServedChip();
            var flashrom = new Flashrom($"serprog:ip={served.Endpoint}");

            foreach (string option in new[] { "--flash-size", "--flash-name" })
            {
                ToolResult theirs = flashrom.Run($"-c \"{Flashrom.W25Q64}\" {option}");
                Assert.AreEqual(0, theirs.ExitCode, theirs.Output);
                SerprogCli ours = SerprogCli.Run("probe", "-p", "tcp:" + served.Endpoint, "-c", Flashrom.W25Q64, option);
                Assert.AreEqual(ExitCodes.Ok, ours.ExitCode, ours.ToString());

                string flashromLast = theirs.Output.TrimEnd().Split('\n')[^1].Trim();
                Assert.AreEqual(flashromLast, ours.Output.Trim(), option + ": the line scripts take from flashrom is serprog's only stdout line");
            }
        }
    }
}
