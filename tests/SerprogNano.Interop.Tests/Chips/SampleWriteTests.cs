using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using SerprogNano.Chips;
using SerprogNano.Emulator.Chip;
using SerprogNano.TestSupport;

namespace SerprogNano.Interop.Tests.Chips
{
    /// <summary>
    /// One part of each vendor and erase layout (block sizes and opcodes, program method): flashrom writes and verifies a
    /// random image through the emulator playing the part (unless the part came after flashrom 1.3), and so do serprog
    /// write and verify; the chip must end equal to it.
    /// </summary>
    [TestClass]
    public sealed partial class SampleWriteTests
    {
        /// <summary>The sample keeps to parts of 1 MiB or less, to stay within minutes; a layout only bigger parts have is left out.</summary>
        private const long Largest = 1024 * 1024;

        public TestContext TestContext { get; set; } = null!;

        private string Directory => TestContext.TestRunResultsDirectory ?? Path.GetTempPath();

        /// <summary>The smallest writable part of each vendor and erase layout.</summary>
        public static IEnumerable<object[]> Sample => ChipDatabase.Default.Chips
            .Where(chip => chip.ChangeRefusal == null && chip.Size <= Largest)
            .GroupBy(chip => chip.Vendor + " " + string.Join(" ", chip.EraseBlocks.Select(block => $"{block.Size}:{block.Opcode:X2}")) + (chip.SstAai ? " AAI" : chip.ByteProgramOnly ? " byte" : ""))
            .Select(layout => new object[] { layout.OrderBy(chip => chip.Size).First().Name, layout.Key });

        [TestMethod]
        [DynamicData(nameof(Sample))]
        public void Flashrom_and_serprog_write_and_verify_a_random_image(string name, string layout)
        {
            ChipDefinition chip = ChipDatabase.Default.FindByName(name)!;
            string image = Flashrom.RandomImage(Directory, checked((int)chip.Size), seed: name.Length);
            byte[] expected = File.ReadAllBytes(image);

            using (var served = new ServedChip(SpiNorModels.FromDatabase(chip)))
            {
                var flashrom = new Flashrom($"serprog:ip={served.Endpoint}", TimeSpan.FromMinutes(10));
                string? flashromName = FlashromName(flashrom.Probe().Output, chip);
                if (flashromName == null)
                {
                    Assert.Contains(chip, LaterParts.NotListedByFlashrom(), $"flashrom does not find {chip.Name}");
                    TestContext.WriteLine($"{name}: added after flashrom 1.3, which cannot name it; serprog alone writes it.");
                }
                else
                {
                    flashrom.Write(image, flashromName);
                    CollectionAssert.AreEqual(expected, served.Chip.Snapshot(), $"{layout}: chip after flashrom -c \"{flashromName}\" -w");
                }
            }

            if (chip.IdCommand != ChipIdCommand.Rdid)
            {
                // serprog changes only a part whose JEDEC id confirms it; one flashrom finds by REMS or RES is only read.
                TestContext.WriteLine($"{name}: probed by {chip.IdCommand}, so serprog only reads it; flashrom wrote it.");
                return;
            }

            using (var served = new ServedChip(SpiNorModels.FromDatabase(chip)))
            {
                string programmer = "serprog:ip=" + served.Endpoint;
                SerprogCli write = SerprogCli.Run("write", image, "-c", name, "-p", programmer, "--no-backup");
                Assert.AreEqual(0, write.ExitCode, write.ToString());
                CollectionAssert.AreEqual(expected, served.Chip.Snapshot(), $"{layout}: chip after serprog write -c \"{name}\"");
                SerprogCli verify = SerprogCli.Run("verify", image, "-c", name, "-p", programmer);
                Assert.AreEqual(0, verify.ExitCode, verify.ToString());
            }
        }

        /// <summary>flashrom's name for the part: the one among its finds that is this database entry; null if none is.</summary>
        private static string? FlashromName(string probeOutput, ChipDefinition chip)
        {
            return FoundName().Matches(probeOutput).Select(match => match.Groups["name"].Value).FirstOrDefault(name => ChipDatabase.Default.FindByName(name) == chip);
        }

        [GeneratedRegex("Found .+? flash chip \"(?<name>[^\"]+)\"")]
        private static partial Regex FoundName();
    }
}
