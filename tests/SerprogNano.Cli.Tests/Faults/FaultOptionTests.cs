using System;
using SerprogNano.Emulator.Chip;
using SerprogNano.Emulator.Faults;

namespace SerprogNano.Cli.Tests.Faults
{
    /// <summary>The texts of `serprog emulate --fault` and `--chip-fault`: what each sets, and a reason for each refusal.</summary>
    [TestClass]
    public sealed class FaultOptionTests
    {
        [TestMethod]
        public void Link_faults_parse_into_what_the_emulator_describes()
        {
            var chip = new EmulatedSpiNor(SpiNorModels.SST25VF040B);
            LinkFaults? faults = InjectedFaults.Apply(
                new[] { "drop-after=0x100", "stall-after=5000", "flip-rate=1e-5,direction=to-host,seed=7", "delay-ms=3,split-writes" }, Array.Empty<string>(), chip);

            Assert.IsNotNull(faults);
            Assert.AreEqual(1e-5, faults.FlipRate);
            Assert.AreEqual(LinkFaultDirection.ToHost, faults.FlipDirection);
            Assert.AreEqual(3, faults.DelayMilliseconds);
            Assert.IsTrue(faults.SplitWrites);
            CollectionAssert.AreEqual(
                new[] { "drop the connection after 256 bytes from the host", "stop answering after 5000 bytes from the host", "flip bits at 1e-5 per bit to the host", "delay every reply 3 ms", "send replies one byte at a time" },
                (System.Collections.ICollection)faults.Describe());
        }

        [TestMethod]
        public void Frame_flips_parse_into_one_flip_each()
        {
            var chip = new EmulatedSpiNor(SpiNorModels.W25Q32FV);
            LinkFaults? faults = InjectedFaults.Apply(new[] { "flip-frame=any,spi=0x20,byte=1,bit=5", "flip-frame=0x13,spi=0x35,nth=2,byte=0,bit=1,direction=to-host" }, Array.Empty<string>(), chip);

            Assert.IsNotNull(faults);
            CollectionAssert.AreEquivalent(
                new[] { new FrameBitFlip(null, 0x20, 1, 1, 5, LinkFaultDirection.ToDevice), new FrameBitFlip(0x13, 0x35, 2, 0, 1, LinkFaultDirection.ToHost) },
                (System.Collections.ICollection)faults.PendingFrameFlips);
            CollectionAssert.Contains((System.Collections.ICollection)faults.Describe(), "flip bit 5 of byte 1 of the SPI operation (0 = its opcode) to the device, in the 1st SPI operation carrying SPI 0x20");
        }

        [TestMethod]
        public void A_frame_flip_with_every_strikes_every_matching_frame_from_the_nth()
        {
            var chip = new EmulatedSpiNor(SpiNorModels.W25Q32FV);
            LinkFaults? faults = InjectedFaults.Apply(new[] { "flip-frame=0x13,spi=0x03,nth=2,every,byte=100,bit=2,direction=to-host" }, Array.Empty<string>(), chip);

            Assert.IsNotNull(faults);
            CollectionAssert.AreEqual(new[] { new FrameBitFlip(0x13, 0x03, 2, 100, 2, LinkFaultDirection.ToHost) { Repeats = true } }, (System.Collections.ICollection)faults.PendingFrameFlips);
            CollectionAssert.Contains((System.Collections.ICollection)faults.Describe(), "flip bit 2 of reply byte 100 after ACK to the host, answering the 2nd and every later O_SPIOP carrying SPI 0x03");
        }

        [TestMethod]
        public void Chip_faults_parse_onto_the_chip()
        {
            var chip = new EmulatedSpiNor(SpiNorModels.W25Q32FV);
            LinkFaults? none = InjectedFaults.Apply(Array.Empty<string>(), new[] { "stuck-busy", "failing-page=0x1000", "flip-rate=1e-6,seed=2", "protected" }, chip);

            Assert.IsNull(none);
            Assert.IsTrue(chip.Faults.StuckBusy);
            Assert.AreEqual(0x1000, chip.Faults.FailingPageAddress);
            Assert.AreEqual(1e-6, chip.Faults.ReadBitFlipRate);
            CollectionAssert.Contains((System.Collections.ICollection)InjectedFaults.Describe(null, chip), "chip stays busy");
        }

        [TestMethod]
        public void The_protected_chip_fault_sets_block_protection_that_a_write_reports()
        {
            using var files = new TestFiles();
            using var emulator = new EmulatorOverTcp(SpiNorModels.W25Q32FV);
            ChipFaultText.Apply("protected", emulator.Chip);
            byte[] old = emulator.Chip.Snapshot();

            CliRun run = CliRun.Of("write", files.RandomImage("new.bin", SpiNorModels.W25Q32FV.Size, seed: 71), "-p", emulator.Programmer, "-c", "W25Q32FV", "--no-backup");

            Assert.AreEqual(ExitCodes.Failed, run.ExitCode, run.ToString());
            StringAssert.Contains(run.Error, "0x000000-0x3FFFFF (all) of the chip is write-protected");
            StringAssert.Contains(run.Error, "--unprotect");
            CollectionAssert.AreEqual(old, emulator.Chip.Snapshot());
        }

        [TestMethod]
        [DataRow("--fault", "drop-after=many", "drop-after= needs a whole number")]
        [DataRow("--fault", "drop-after=-5", "drop-after= needs a whole number")]
        [DataRow("--fault", "flip-rate=0.5", "flip-rate= needs a rate per bit from 0 to 0.125")]
        [DataRow("--fault", "direction=to-host", "direction= and seed= go with flip-rate=")]
        [DataRow("--fault", "flip-rate=1e-5,direction=sideways", "direction= needs to-host, to-device or both")]
        [DataRow("--fault", "flip-frame=any,byte=1,bit=5", "spi= needs an SPI opcode when flip-frame=any")]
        [DataRow("--fault", "flip-frame=0x01,spi=0x20,byte=1,bit=5", "O_SPIOP (0x13), O_NANO_SPIOP_WAIT (0x80), O_NANO_SPIOP_WAIT_RUN (0x82) or any with spi=")]
        [DataRow("--fault", "flip-frame=0x13,byte=1,bit=8", "bit= needs a bit from 0 to 7")]
        [DataRow("--fault", "flip-frame=0x13,byte=1", "flip-frame= needs byte=K and bit=B")]
        [DataRow("--fault", "flip-frame=0x13,byte=1,bit=1,direction=both", "direction= needs to-device (the command) or to-host")]
        [DataRow("--fault", "spi=0x20,byte=1,bit=1", "spi=, nth=, every, byte= and bit= go with flip-frame=")]
        [DataRow("--fault", "every", "spi=, nth=, every, byte= and bit= go with flip-frame=")]
        [DataRow("--fault", "unplug", "'unplug' is not a fault (known: drop-after")]
        [DataRow("--fault", "split-writes=yes", "split-writes takes no value")]
        [DataRow("--fault", "delay-ms=1,delay-ms=2", "delay-ms is given twice")]
        [DataRow("--chip-fault", "failing-page=0x400000", "failing-page= needs a whole number from 0 to 4194303")]
        [DataRow("--fault", "delay-ms=60001", "delay-ms= needs a whole number from 0 to 60000")]
        [DataRow("--fault", "flip-rate=1e-5,seed=99999999999", "seed= needs a whole number from 0 to 2147483647")]
        [DataRow("--chip-fault", "seed=3", "seed= goes with flip-rate=")]
        [DataRow("--chip-fault", "smoke", "'smoke' is not a fault (known: absent")]
        public void Bad_fault_texts_are_refused_with_a_reason(string option, string text, string reason)
        {
            var chip = new EmulatedSpiNor(SpiNorModels.W25Q32FV);
            bool link = option == "--fault";
            var refused = Assert.ThrowsExactly<FormatException>(() => InjectedFaults.Apply(link ? new[] { text } : Array.Empty<string>(), link ? Array.Empty<string>() : new[] { text }, chip));

            StringAssert.StartsWith(refused.Message, option + ": ");
            StringAssert.Contains(refused.Message, reason);
            Assert.AreEqual(ExitCodes.Usage, CliRun.Of("emulate", "--listen", "127.0.0.1:0", "--chip", "W25Q32FV", option, text).ExitCode);
        }
    }
}
