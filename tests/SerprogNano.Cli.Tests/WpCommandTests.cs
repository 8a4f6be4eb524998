using System.IO;
using System.Linq;
using System.Text.Json;
using SerprogNano.Chips;
using SerprogNano.Emulator.Chip;
using SerprogNano.Emulator.Faults;
using SerprogNano.TestSupport;

namespace SerprogNano.Cli.Tests
{
    /// <summary>`serprog wp` with flashrom's --wp-* options, and writes and erases meeting a protected range, on emulated chips.</summary>
    [TestClass]
    public sealed class WpCommandTests
    {
        private const int ChipSize = 8 * 1024 * 1024;

        [TestMethod]
        public void A_canoeboot_user_checks_disables_writes_and_re_enables_protection()
        {
            using var files = new TestFiles();
            using var emulator = new EmulatorOverTcp(SpiNorModels.W25Q64FV);
            string[] chip = ["-p", emulator.Programmer, "-c", "W25Q64FV"];

            // The vendor firmware left the top 128 KiB protected, hardware mode, WP# strapped low on the board.
            CliRun enable = CliRun.Of(["wp", .. chip, "--wp-range", "0x7e0000,0x20000", "--wp-enable"]);
            Assert.AreEqual(ExitCodes.Ok, enable.ExitCode, enable.ToString());
            StringAssert.Contains(enable.Output, "Enabled hardware protection");
            StringAssert.Contains(enable.Output, "Activated protection range: start=0x007e0000 length=0x00020000 (upper 1/64)");
            emulator.Chip.WriteProtectPinLow = true;

            CliRun status = CliRun.Of(["wp", .. chip, "--wp-status"]);
            Assert.AreEqual(ExitCodes.Ok, status.ExitCode, status.ToString());
            StringAssert.Contains(status.Output, "Protection range: start=0x007e0000 length=0x00020000 (upper 1/64)");
            StringAssert.Contains(status.Output, "Protection mode: hardware");
            StringAssert.Contains(status.Output, "SRL=0 SRP=1 CMP=0 SEC=0 TB=0 BP2..BP0=001");

            byte[] before = emulator.Chip.Snapshot();
            string image = files.RandomImage("canoeboot.rom", ChipSize, seed: 140);
            CliRun refused = CliRun.Of(["write", image, .. chip, "--no-backup"]);
            Assert.AreEqual(ExitCodes.Failed, refused.ExitCode, refused.ToString());
            StringAssert.Contains(refused.Error, "Nothing was changed: 0x7E0000-0x7FFFFF (upper 1/64) of the chip is write-protected");
            StringAssert.Contains(refused.Error, "--unprotect");
            StringAssert.Contains(refused.Error, "--wp-range 0,0");
            CollectionAssert.AreEqual(before, emulator.Chip.Snapshot(), "nothing was written");

            CliRun pinLow = CliRun.Of(["wp", .. chip, "--wp-disable", "--wp-range", "0,0"]);
            Assert.AreEqual(ExitCodes.Failed, pinLow.ExitCode, pinLow.ToString());
            StringAssert.Contains(pinLow.Error, "WP# pin must be high");

            emulator.Chip.WriteProtectPinLow = false;
            CliRun disable = CliRun.Of(["wp", .. chip, "--wp-disable", "--wp-range", "0,0"]);
            Assert.AreEqual(ExitCodes.Ok, disable.ExitCode, disable.ToString());
            StringAssert.Contains(disable.Output, "Disabled hardware protection");
            StringAssert.Contains(disable.Output, "Activated protection range: start=0x00000000 length=0x00000000 (none)");

            CliRun write = CliRun.Of(["write", image, .. chip, "--no-backup"]);
            Assert.AreEqual(ExitCodes.Ok, write.ExitCode, write.ToString());
            StringAssert.Contains(write.Output, "VERIFIED");
            CollectionAssert.AreEqual(File.ReadAllBytes(image), emulator.Chip.Snapshot());

            CliRun again = CliRun.Of(["wp", .. chip, "--wp-range", "0x7e0000,0x20000", "--wp-enable", "--wp-status", "--json"]);
            Assert.AreEqual(ExitCodes.Ok, again.ExitCode, again.ToString());
            JsonElement state = again.Json().GetProperty("writeProtect");
            Assert.AreEqual(0x7E0000, state.GetProperty("range").GetProperty("start").GetInt64());
            Assert.AreEqual(0x20000, state.GetProperty("range").GetProperty("length").GetInt64());
            Assert.AreEqual("upper 1/64", state.GetProperty("range").GetProperty("description").GetString());
            Assert.AreEqual("hardware", state.GetProperty("mode").GetString());
        }

        [TestMethod]
        public void Unprotect_lifts_the_range_for_one_write_and_the_report_says_so_first()
        {
            using var files = new TestFiles();
            using var emulator = new EmulatorOverTcp(SpiNorModels.GD25Q64C);
            string[] chip = ["-p", emulator.Programmer];
            Assert.AreEqual(ExitCodes.Ok, CliRun.Of(["wp", .. chip, "--wp-range", "0,0x20000"]).ExitCode);
            string image = files.RandomImage("image.rom", ChipSize, seed: 141);

            CliRun write = CliRun.Of(["write", image, .. chip, "--no-backup", "--unprotect"]);

            Assert.AreEqual(ExitCodes.Ok, write.ExitCode, write.ToString());
            StringAssert.Contains(write.Output, "Write protection: 0x000000-0x01FFFF (lower 1/64), mode disabled. Lifting it if the change touches it, as asked (--unprotect).");
            CollectionAssert.AreEqual(File.ReadAllBytes(image), emulator.Chip.Snapshot());
            StringAssert.Contains(CliRun.Of(["wp", .. chip]).Output, "(none)");
        }

        [TestMethod]
        public void An_erase_into_the_protected_range_is_refused_and_an_erase_elsewhere_is_not()
        {
            using var files = new TestFiles();
            using var emulator = new EmulatorOverTcp(SpiNorModels.W25Q64FV);
            string[] chip = ["-p", emulator.Programmer, "-c", "W25Q64FV"];
            byte[] old = File.ReadAllBytes(files.RandomImage("old.bin", ChipSize, seed: 142));
            emulator.Chip.Load(old);
            Assert.AreEqual(ExitCodes.Ok, CliRun.Of(["wp", .. chip, "--wp-range", "0x7e0000,0x20000"]).ExitCode);

            CliRun refused = CliRun.Of(["erase", .. chip]);
            Assert.AreEqual(ExitCodes.Failed, refused.ExitCode, refused.ToString());
            StringAssert.Contains(refused.Error, "0x7E0000-0x7FFFFF (upper 1/64)");
            CollectionAssert.AreEqual(old, emulator.Chip.Snapshot(), "nothing was erased");

            File.WriteAllText(files.PathOf("board.layout"), "00000000:0000ffff low\n007e0000:007fffff top\n");
            CliRun low = CliRun.Of(["erase", .. chip, "-l", files.PathOf("board.layout"), "-i", "low"]);
            Assert.AreEqual(ExitCodes.Ok, low.ExitCode, low.ToString());
            Assert.IsTrue(emulator.Chip.Snapshot().Take(0x10000).All(b => b == 0xFF), "the unprotected region is erased");
        }

        [TestMethod]
        public void The_list_runs_from_none_to_all_as_flashrom_prints_it()
        {
            using var emulator = new EmulatorOverTcp(SpiNorModels.W25Q64FV);

            CliRun run = CliRun.Of("wp", "-p", emulator.Programmer, "-c", "W25Q64FV", "--wp-list", "--json");

            Assert.AreEqual(ExitCodes.Ok, run.ExitCode, run.ToString());
            JsonElement[] ranges = run.Json().GetProperty("ranges").EnumerateArray().ToArray();
            Assert.AreEqual("none", ranges[0].GetProperty("description").GetString());
            Assert.AreEqual("all", ranges[^1].GetProperty("description").GetString());
            Assert.IsTrue(ranges.Any(r => r.GetProperty("description").GetString() == "upper 1/64"));
            StringAssert.Contains(run.Error, "Available protection ranges:");
        }

        [TestMethod]
        public void A_part_without_a_known_layout_is_refused_with_a_clear_message()
        {
            using var emulator = new EmulatorOverTcp(SpiNorModels.EN25QH64);

            CliRun run = CliRun.Of("wp", "-p", emulator.Programmer, "--wp-status");

            Assert.AreEqual(ExitCodes.Failed, run.ExitCode, run.ToString());
            StringAssert.Contains(run.Error, "protection layout unknown for EN25QH64");
        }

        [TestMethod]
        public void An_sst25_part_is_unprotected_by_write_and_erase_without_a_flag_saying_so()
        {
            using var files = new TestFiles();
            using var emulator = new EmulatorOverTcp(SpiNorModels.SST25VF040B);
            string image = files.RandomImage("image.bin", 512 * 1024, seed: 143);

            CliRun write = CliRun.Of("write", image, "-p", emulator.Programmer, "--no-backup");

            Assert.AreEqual(ExitCodes.Ok, write.ExitCode, write.ToString());
            StringAssert.Contains(write.Output, "SST25VF040B powers up with its block protection on (status bits 0x1C); clearing it before the change, as flashrom does (no flag needed).");
            CollectionAssert.AreEqual(File.ReadAllBytes(image), emulator.Chip.Snapshot());

            emulator.Chip.PowerCycle();
            CliRun erase = CliRun.Of("erase", "-p", emulator.Programmer);
            Assert.AreEqual(ExitCodes.Ok, erase.ExitCode, erase.ToString());
            Assert.IsTrue(emulator.Chip.Snapshot().All(b => b == 0xFF));
        }

        /// <summary>Issue 21 finding 3: a W25Q64FV with QE set and the top 1/64 hardware-protected, one bit of an RDSR2 reply flipped by the cable.</summary>
        private static EmulatorOverTcp QuadEnabledChipBehindANoisyCable(int nth, int bit)
        {
            var emulator = new EmulatorOverTcp(SpiNorModels.W25Q64FV);
            ChipWire.WriteStatus(emulator.Chip, 0x84, 0x02);
            emulator.LinkFaults.FlipFrameBit(new FrameBitFlip(null, SpiNorOpcodes.ReadStatus2, nth, 0, bit, LinkFaultDirection.ToHost));
            return emulator;
        }

        [TestMethod]
        [DataRow(1, DisplayName = "QE read as 0 (SR2=0x00 written back before)")]
        [DataRow(3, DisplayName = "LB1 read as 1 (WRSR 80 0A before)")]
        public void Wp_disable_with_a_flipped_bit_in_an_RDSR2_reply_keeps_QE_sets_no_lock_and_says_what_changed(int bit)
        {
            using EmulatorOverTcp emulator = QuadEnabledChipBehindANoisyCable(nth: 1, bit);

            CliRun run = CliRun.Of("wp", "-p", emulator.Programmer, "-c", "W25Q64FV", "--wp-disable", "--wp-range", "0,0");

            Assert.AreEqual(1L, emulator.LinkFaults.BitsFlippedToHost, "the flip struck");
            Assert.AreEqual(0x02, ChipWire.Status(emulator.Chip, SpiNorOpcodes.ReadStatus2), "SR2 as it was: QE set, LB1-LB3 clear");
            Assert.AreEqual(ExitCodes.Ok, run.ExitCode, run.ToString());
            StringAssert.Contains(run.Output, "Status registers (read back, every bit compared): SR1 0x84 -> 0x00, SR2 0x02 (unchanged)");
        }

        [TestMethod]
        public void Wp_disable_with_a_bit_flipped_in_the_sent_WRSR_fails_saying_what_the_chip_now_holds()
        {
            using var emulator = new EmulatorOverTcp(SpiNorModels.W25Q64FV);
            ChipWire.WriteStatus(emulator.Chip, 0x84, 0x02);
            // Byte 2 of the WRSR is SR2: QE arrives cleared, which no read before the write can prevent; the read after must tell.
            emulator.LinkFaults.FlipFrameBit(new FrameBitFlip(null, SpiNorOpcodes.WriteStatus, 1, 2, 1, LinkFaultDirection.ToDevice));

            CliRun run = CliRun.Of("wp", "-p", emulator.Programmer, "-c", "W25Q64FV", "--wp-disable", "--wp-range", "0,0");

            Assert.AreEqual(1L, emulator.LinkFaults.BitsFlippedToDevice, "the flip struck");
            Assert.AreEqual(ExitCodes.Failed, run.ExitCode, run.ToString());
            StringAssert.Contains(run.Error, "read back other than written (sent SR1=0x80 SR2=0x02; read SR1=0x80 SR2=0x00; before SR1=0x84 SR2=0x02)");
            StringAssert.Contains(run.Error, "Bits that were not to change changed too (SR2 bit 1 (QE, quad enable)): the write was damaged on its way to the chip");
        }

        [TestMethod]
        public void Write_unprotect_with_a_flipped_bit_in_an_RDSR2_reply_sets_no_lock_and_says_what_changed()
        {
            using var files = new TestFiles();
            // The third RDSR2, after the protection report's and the guard's range check: with each read used once, the lift's.
            using EmulatorOverTcp emulator = QuadEnabledChipBehindANoisyCable(nth: 3, bit: 3);
            byte[] image = Enumerable.Repeat((byte)0xFF, ChipSize).ToArray();
            image[0x7FF000] = 0x5A;
            string imagePath = files.PathOf("top.rom");
            File.WriteAllBytes(imagePath, image);

            CliRun run = CliRun.Of("write", imagePath, "-p", emulator.Programmer, "-c", "W25Q64FV", "--unprotect", "--no-backup");

            Assert.AreEqual(1L, emulator.LinkFaults.BitsFlippedToHost, "the flip struck");
            Assert.AreEqual(0x02, ChipWire.Status(emulator.Chip, SpiNorOpcodes.ReadStatus2), "SR2 as it was: QE set, LB1 clear");
            Assert.AreEqual(ExitCodes.Ok, run.ExitCode, run.ToString());
            StringAssert.Contains(run.Output, "Lifted the write protection, as asked: SR1 0x84 -> 0x80, SR2 0x02 (unchanged).");
            CollectionAssert.AreEqual(image, emulator.Chip.Snapshot());
        }

        [TestMethod]
        [DataRow(new[] { "--wp-enable", "--wp-disable" }, "mutually exclusive")]
        [DataRow(new[] { "--wp-range", "0x7e0000" }, "--wp-range takes START,LEN")]
        [DataRow(new[] { "--wp-range", "top,all" }, "--wp-range takes START,LEN")]
        public void Bad_wp_options_are_usage_errors_before_the_chip_is_touched(string[] options, string message)
        {
            using var emulator = new EmulatorOverTcp(SpiNorModels.W25Q64FV);

            CliRun run = CliRun.Of(["wp", "-p", emulator.Programmer, .. options]);

            Assert.AreEqual(ExitCodes.Usage, run.ExitCode, run.ToString());
            StringAssert.Contains(run.Error, message);
            Assert.AreEqual(0, emulator.Chip.StatusWrites);
        }
    }
}
