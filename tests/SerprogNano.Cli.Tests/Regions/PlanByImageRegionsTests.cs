using System;
using System.IO;
using System.Text.Json;
using SerprogNano.Emulator.Chip;
using SerprogNano.TestSupport;

namespace SerprogNano.Cli.Tests.Regions
{
    /// <summary>A whole-chip write of an image with its own descriptor says which of its regions the plan changes.</summary>
    [TestClass]
    public sealed class PlanByImageRegionsTests
    {
        private const int ChipSize = 4 * 1024 * 1024;

        [TestMethod]
        [DataRow(true, DisplayName = "extensions")]
        [DataRow(false, DisplayName = "serprog v1")]
        public void An_update_of_the_bios_region_names_it_and_the_regions_left_alone(bool extensions)
        {
            using var files = new TestFiles();
            using var emulator = new EmulatorOverTcp(SpiNorModels.W25Q32FV, extensions: extensions);
            // ICH9 layout of a 4 MiB chip: fd 0x0-0xFFF, gbe 0x1000-0x2FFF, me 0x3000-0x1FFFFF, bios 0x200000-0x3FFFFF.
            byte[] old = Ich9Image();
            new Random(5).NextBytes(old.AsSpan(0x1000, 0x2000));
            new Random(6).NextBytes(old.AsSpan(0x3C0000));
            emulator.Chip.Load(old);
            byte[] image = (byte[])old.Clone();
            new Random(7).NextBytes(image.AsSpan(0x3E0000, 0x8000));
            string path = files.PathOf("new.bin");
            File.WriteAllBytes(path, image);

            CliRun run = CliRun.Of("write", path, "-p", emulator.Programmer, "--no-backup", "--json");

            Assert.AreEqual(ExitCodes.Ok, run.ExitCode, run.ToString());
            CollectionAssert.AreEqual(image, emulator.Chip.Snapshot());
            JsonElement json = run.Json();
            JsonElement regions = json.GetProperty("regionsPlanned");
            Assert.AreEqual(4, regions.GetArrayLength());
            foreach (JsonElement region in regions.EnumerateArray())
            {
                long changed = region.GetProperty("bytesChanged").GetInt64();
                if (region.GetProperty("name").GetString() == "bios")
                {
                    Assert.IsGreaterThanOrEqualTo(0x8000L, changed, "the 32 KiB that differ, erased and programmed");
                    Assert.IsLessThanOrEqualTo(0x10000L, changed);
                }
                else
                {
                    Assert.AreEqual(0L, changed, region.GetProperty("name").GetString() + " is left alone");
                }
            }

            CliRun text = CliRun.Of("write", path, "-p", emulator.Programmer, "--no-backup");
            Assert.AreEqual(ExitCodes.Ok, text.ExitCode, text.ToString());
            StringAssert.Contains(text.Output, "The chip already holds this image");
        }

        [TestMethod]
        public void The_plan_line_names_the_changed_region_in_words()
        {
            using var files = new TestFiles();
            using var emulator = new EmulatorOverTcp(SpiNorModels.W25Q32FV);
            byte[] old = Ich9Image();
            emulator.Chip.Load(old);
            byte[] image = (byte[])old.Clone();
            new Random(8).NextBytes(image.AsSpan(0x1000, 0x2000));
            string path = files.PathOf("new.bin");
            File.WriteAllBytes(path, image);

            CliRun run = CliRun.Of("write", path, "-p", emulator.Programmer, "--no-backup");

            Assert.AreEqual(ExitCodes.Ok, run.ExitCode, run.ToString());
            StringAssert.Contains(run.Output, "Plan by the image's regions (");
            StringAssert.Contains(run.Output, "changes gbe (8 KiB of 8 KiB); unchanged: fd, me, bios.");
        }

        /// <summary>An ICH9 descriptor for a 4 MiB chip, the rest erased.</summary>
        private static byte[] Ich9Image()
        {
            DescriptorImage descriptor = DescriptorImage.Ich9().Region(0x000, 0x000).Region(0x200, 0x3FF).Region(0x003, 0x1FF).Region(0x001, 0x002).Region(0x7FFF, 0);
            descriptor.Size = ChipSize;
            return descriptor.ToBytes();
        }
    }
}
