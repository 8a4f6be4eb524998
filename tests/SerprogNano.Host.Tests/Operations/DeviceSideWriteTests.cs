using System;
using SerprogNano.Emulator;
using SerprogNano.Emulator.Chip;
using SerprogNano.Engine;
using SerprogNano.Chips;
using SerprogNano.Host.Operations;
using SerprogNano.Host.Serprog;
using SerprogNano.Host.Spi;
using SerprogNano.Host.SpiNor;
using SerprogNano.Host.Tests.Doubles;
using SerprogNano.Protocol;
using SerprogNano.TestSupport;

namespace SerprogNano.Host.Tests.Operations
{
    /// <summary>Writes and verifies through the SerprogNano extensions (device-side CRC and waits), and when they are not used.</summary>
    [TestClass]
    public sealed class DeviceSideWriteTests
    {
        private const int ChipSize = 8 * 1024 * 1024;

        [TestMethod]
        public void A_write_with_a_backup_reads_the_chip_once_and_verifies_by_crc()
        {
            using var rig = new MonitoredProgrammer();
            byte[] old = FlashRig.RandomImage(ChipSize, 1);
            byte[] image = FlashRig.RandomImage(ChipSize, 2);
            rig.Chip.Load(old);
            byte[]? backup = null;

            WriteResult result = FlashWriter.Write(rig.Flash, 0, image, new WriteOptions { BeforeChange = current => backup = current.ToArray() });

            Assert.AreEqual(WritePath.DeviceSide, result.Path);
            BytesAssert.Equal(old, backup!);
            BytesAssert.Equal(image, rig.Chip.Snapshot());
            Assert.AreEqual(ChipSize, result.BytesVerified);
            Assert.IsLessThan(ChipSize + (ChipSize / 40), rig.Link.BytesReceived, "one read of the chip, a CRC per 2 KiB (the survey), CRCs and wait replies; no read-back");
            Assert.AreEqual(2, rig.Link.OpcodesSent.FindAll(opcode => opcode == SerprogOpcode.SyncNop).Count, "the start's two SYNCNOPs, no resynchronisation after a failure");
        }

        [TestMethod]
        public void A_write_without_a_backup_sends_only_what_differs_and_reads_nothing()
        {
            using var rig = new MonitoredProgrammer();
            byte[] image = FlashRig.RandomImage(ChipSize, 3);
            byte[] old = (byte[])image.Clone();
            old[0x123456] ^= 0x10; // one block differs: it is erased and programmed again
            old[0x400000] = 0xFF;
            rig.Chip.Load(old);
            rig.Chip.ResetCounters();

            WriteResult result = FlashWriter.Write(rig.Flash, 0, image);

            BytesAssert.Equal(image, rig.Chip.Snapshot());
            Assert.AreEqual(2, rig.Chip.Erases(4096), "the two blocks that differ, nothing else");
            Assert.AreEqual(32, result.ProgramsDone);
            Assert.IsLessThan(64 * 1024, rig.Link.BytesReceived, "CRCs and wait replies only");
        }

        [TestMethod]
        public void The_image_already_on_the_chip_costs_crcs_only()
        {
            using var rig = new MonitoredProgrammer();
            byte[] image = FlashRig.RandomImage(ChipSize, 4);
            rig.Chip.Load(image);
            rig.Chip.ResetCounters();

            WriteResult result = FlashWriter.Write(rig.Flash, 0, image, new WriteOptions());

            Assert.IsTrue(result.Unchanged);
            Assert.AreEqual(WritePath.DeviceSide, result.Path);
            Assert.AreEqual(0, rig.Chip.PagePrograms);
            Assert.IsLessThan(16 * 1024, rig.Link.BytesReceived);
            Assert.AreEqual(ChipSize, FlashVerifier.Verify(rig.Flash, 0, image));
            Assert.IsLessThan(32 * 1024, rig.Link.BytesReceived, "verify by CRC");
        }

        [TestMethod]
        public void Verify_by_crc_names_the_first_differing_byte()
        {
            using var rig = new MonitoredProgrammer();
            byte[] image = FlashRig.RandomImage(ChipSize, 5);
            byte[] onChip = (byte[])image.Clone();
            onChip[0x345678] ^= 0x01;
            onChip[0x345700] ^= 0x80;
            rig.Chip.Load(onChip);

            var e = Assert.ThrowsExactly<VerifyFailedException>(() => FlashVerifier.Verify(rig.Flash, 0, image));

            Assert.AreEqual(0x345678L, e.Address);
            Assert.AreEqual(2, e.MismatchedBytes);
            StringAssert.Contains(e.Message, "CRC");
        }

        [TestMethod]
        public void A_page_the_chip_does_not_program_fails_the_crc_verify_at_its_address()
        {
            using var rig = new MonitoredProgrammer();
            rig.Chip.Faults.FailingPageAddress = 0x12300;
            byte[] image = FlashRig.RandomImage(ChipSize, 6);

            var e = Assert.ThrowsExactly<VerifyFailedException>(() => FlashWriter.Write(rig.Flash, 0, image));

            Assert.AreEqual(0x12300L, e.Address);
            StringAssert.Contains(e.Message, "the link is healthy");
        }

        [TestMethod]
        public void A_chip_stuck_busy_is_reported_by_the_device_side_wait()
        {
            using var rig = new MonitoredProgrammer();
            byte[] image = FlashRig.RandomImage(ChipSize, 7);
            rig.Chip.Load(FlashRig.RandomImage(ChipSize, 8));
            rig.Chip.Faults.StuckBusy = true;

            var e = Assert.ThrowsExactly<SpiNorException>(() => FlashWriter.Write(rig.Flash, 0, image));

            StringAssert.Contains(e.Message, "still busy");
        }

        [TestMethod]
        public void Pages_go_in_runs_of_half_the_serial_buffer_two_in_flight_and_the_write_verifies()
        {
            using var rig = new MonitoredProgrammer();

            WriteUpdate(rig, 64 * 1024, seed: 10);

            Assert.AreEqual(256, rig.Chip.PagePrograms);
            Assert.AreEqual(1, rig.Chip.Erases(64 * 1024));
            // 4 + 256 bytes a page; a run frame within half of the 4096-byte Q_SERBUF.
            int frameBytes = 1 + SerprogNanoExtensions.WaitRunParameterLength;
            int pagesPerRun = ((EngineSettings.DefaultBufferSize / 2) - frameBytes) / 260;
            Assert.AreEqual(7, pagesPerRun);
            Assert.AreEqual((256 + pagesPerRun - 1) / pagesPerRun, rig.Link.OpcodesSent.FindAll(opcode => opcode == SerprogNanoOpcode.SpiOperationWaitRun).Count);
            Assert.AreEqual(1, rig.Link.OpcodesSent.FindAll(opcode => opcode == SerprogNanoOpcode.SpiOperationWait).Count, "the one erase, alone, as O_NANO_SPIOP_WAIT");
            Assert.IsGreaterThanOrEqualTo(2 * (frameBytes + (pagesPerRun * 260)), rig.Link.MaxBytesInFlight, "the next run sent while one runs");
        }

        [TestMethod]
        public void Each_erase_is_followed_on_the_link_by_the_pages_of_its_block_sent_while_the_chip_erases()
        {
            using var rig = new MonitoredProgrammer(serialBuffer: EngineSettings.ErasingSerialBufferSize);

            WriteUpdate(rig, 128 * 1024, seed: 14);

            Assert.AreEqual(2, rig.Chip.Erases(64 * 1024));
            var frames = rig.Link.OpcodesSent.FindAll(opcode => opcode is SerprogNanoOpcode.SpiOperationWait or SerprogNanoOpcode.SpiOperationWaitRun);
            Assert.AreEqual(SerprogNanoOpcode.SpiOperationWait, frames[0], "the first block's erase comes first");
            Assert.AreEqual(SerprogNanoOpcode.SpiOperationWaitRun, frames[1], "its pages follow it, before the second block's erase");
            Assert.IsGreaterThanOrEqualTo(EngineSettings.ErasingSerialBufferSize - 4096, rig.Link.MaxBytesInFlight, "pages sent behind an erase before its reply");
        }

        [TestMethod]
        public void A_programmer_without_runs_gets_a_frame_per_page_and_the_write_verifies()
        {
            using var rig = new MonitoredProgrammer(hidden: new[] { SerprogNanoOpcode.SpiOperationWaitRun });
            byte[] old = FlashRig.RandomImage(ChipSize, 12);
            byte[] image = (byte[])old.Clone();
            new Random(13).NextBytes(image.AsSpan(0x10000, 4096));
            rig.Chip.Load(old);

            WriteResult result = FlashWriter.Write(rig.Flash, 0, image);

            BytesAssert.Equal(image, rig.Chip.Snapshot());
            Assert.AreEqual(WritePath.DeviceSide, result.Path);
            Assert.IsFalse(rig.Link.OpcodesSent.Contains(SerprogNanoOpcode.SpiOperationWaitRun));
            Assert.AreEqual(1 + 16, rig.Link.OpcodesSent.FindAll(opcode => opcode == SerprogNanoOpcode.SpiOperationWait).Count, "the erase and 16 pages, a frame each");
        }

        /// <summary>
        /// Writes random contents over random ones where <paramref name="length"/> bytes at 0x200000 differ, with no 0xFF in
        /// them (a page that begins or ends with erased bytes is programmed shorter, which ends a run); the write went the
        /// device-side way and the chip holds the image.
        /// </summary>
        private static void WriteUpdate(MonitoredProgrammer rig, int length, int seed)
        {
            byte[] old = FlashRig.RandomImage(ChipSize, seed);
            byte[] image = (byte[])old.Clone();
            Span<byte> update = image.AsSpan(0x200000, length);
            new Random(seed + 1).NextBytes(update);
            update.Replace((byte)0xFF, (byte)0x5A);
            rig.Chip.Load(old);
            rig.Chip.ResetCounters();

            WriteResult result = FlashWriter.Write(rig.Flash, 0, image);

            BytesAssert.Equal(image, rig.Chip.Snapshot());
            Assert.AreEqual(WritePath.DeviceSide, result.Path);
        }

        [TestMethod]
        [DataRow("SerprogNano emu", true, DisplayName = "extensions hidden from Q_CMDMAP")]
        [DataRow("other-serprog", false, DisplayName = "a programmer name that is not SerprogNano")]
        public void Without_both_signs_the_write_keeps_serprog_v1(string programmerName, bool hide)
        {
            using var rig = new MonitoredProgrammer(programmerName, hide ? new[] { SerprogNanoOpcode.SpiOperationWait, SerprogNanoOpcode.FlashCrc32 } : Array.Empty<byte>());
            byte[] image = FlashRig.RandomImage(ChipSize, 9);
            Assert.IsNull(rig.Flash.DeviceSide);

            WriteResult result = FlashWriter.Write(rig.Flash, 0, image);

            Assert.AreEqual(WritePath.Transactions, result.Path);
            BytesAssert.Equal(image, rig.Chip.Snapshot());
            Assert.IsFalse(rig.Link.OpcodesSent.Contains(SerprogNanoOpcode.FlashCrc32));
            Assert.IsFalse(rig.Link.OpcodesSent.Contains(SerprogNanoOpcode.SpiOperationWait));
            Assert.IsFalse(rig.Link.OpcodesSent.Contains(SerprogNanoOpcode.SpiOperationWaitRun));
        }
    }
}
