using System;
using System.IO;
using System.IO.Hashing;
using SerprogNano.TestSupport;
using SerprogNano.Protocol;

namespace SerprogNano.VirtualEsp32.Tests
{
    /// <summary>The SerprogNano extensions on nanoFramework's real interpreter: the firmware's CRC (nanoFramework's Crc32) and device-side wait.</summary>
    public sealed partial class FirmwareOnVirtualEsp32Tests
    {
        [TestMethod]
        public void Device_crc_equals_system_io_hashing_and_the_wait_sees_the_erase_end()
        {
            string start = Flashrom.RandomImage(Directory, ChipSize, seed: 111);
            byte[] image = File.ReadAllBytes(start);
            using var esp32 = VirtualEsp32.Start(SharedTools.RepositoryRoot, Directory, "--image", start, "--busy");
            using (var raw = new RawSerprog(esp32.Port))
            {
                raw.Send(SerprogOpcode.QueryCommandMap);
                byte[] map = raw.Receive(1 + SerprogLimits.CommandMapLength, TimeSpan.FromSeconds(10));
                Assert.IsTrue(CommandMap.IsSet(map, 1, SerprogNanoOpcode.SpiOperationWait) && CommandMap.IsSet(map, 1, SerprogNanoOpcode.FlashCrc32), "Q_CMDMAP lists the extensions");
                Assert.AreEqual(SerprogReply.Ack, raw.SetPinState(true));

                // Odd start and length; a block over 32,767 bytes (fed to the native in pieces); several blocks.
                AssertCrcs(raw, image, 1, 12345, 1);
                AssertCrcs(raw, image, 4093, 100_001, 3);
                AssertCrcs(raw, image, ChipSize - 65536, 65536, 1);

                // Zero-length blocks are refused.
                raw.Send(CrcFrame(0, 0, 1));
                CollectionAssert.AreEqual(new[] { SerprogReply.Nak }, raw.Receive(1, TimeSpan.FromSeconds(10)));

                // WREN, 4 KiB erase at 0, wait for WIP to clear (45 ms with --busy).
                raw.Send(SerprogNanoOpcode.SpiOperationWait, 0x06, 0x05, 0x01, 0xE8, 0x03, 4, 0, 0, 0x20, 0, 0, 0);
                byte[] wait = raw.Receive(3, TimeSpan.FromSeconds(10));
                CollectionAssert.AreEqual(new byte[] { SerprogReply.Ack, SerprogNanoExtensions.WaitDone }, wait[..2], "the erase ended within 1 s");
                Assert.AreEqual(0, wait[2] & 0x01, "last status has WIP clear");
                Array.Fill(image, (byte)0xFF, 0, 4096);
                AssertCrcs(raw, image, 0, 4096, 2);
            }

            esp32.StopAndAssertHealthy();
            Assert.AreEqual(0, esp32.CommandsIgnoredWhileBusy(), "nothing was sent while the chip was busy");
        }

        [TestMethod]
        public void A_run_of_page_programs_lands_on_the_chip_and_one_with_the_pins_released_is_refused_in_step()
        {
            const int Pages = 15;
            const int Operation = 4 + 256;
            string start = Flashrom.RandomImage(Directory, ChipSize, seed: 112);
            byte[] image = File.ReadAllBytes(start);
            using var esp32 = VirtualEsp32.Start(SharedTools.RepositoryRoot, Directory, "--image", start, "--busy");
            using (var raw = new RawSerprog(esp32.Port))
            {
                raw.Send(SerprogOpcode.QueryCommandMap);
                Assert.IsTrue(CommandMap.IsSet(raw.Receive(1 + SerprogLimits.CommandMapLength, TimeSpan.FromSeconds(10)), 1, SerprogNanoOpcode.SpiOperationWaitRun), "Q_CMDMAP lists the run");
                Assert.AreEqual(SerprogReply.Ack, raw.SetPinState(true));
                raw.Send(SerprogNanoOpcode.SpiOperationWait, 0x06, 0x05, 0x01, 0xE8, 0x03, 4, 0, 0, 0x20, 0x01, 0, 0);
                CollectionAssert.AreEqual(new byte[] { SerprogReply.Ack, SerprogNanoExtensions.WaitDone }, raw.Receive(3, TimeSpan.FromSeconds(10))[..2], "the sector at 0x10000 erased");
                Array.Fill(image, (byte)0xFF, 0x10000, 4096);

                // 15 page programs from 0x10000 in one frame: WREN, RDSR, WIP, 10 ms each.
                byte[] frame = RunFrame(Pages, Operation);
                var random = new Random(113);
                for (int page = 0; page < Pages; page++)
                {
                    int at = 1 + SerprogNanoExtensions.WaitRunParameterLength + (page * Operation);
                    frame[at] = 0x02;
                    frame[at + 1] = 0x01;
                    frame[at + 2] = (byte)page;
                    random.NextBytes(frame.AsSpan(at + 4, 256));
                    frame.AsSpan(at + 4, 256).CopyTo(image.AsSpan(0x10000 + (page * 256)));
                }

                raw.Send(frame);
                byte[] reply = raw.Receive(1 + SerprogNanoExtensions.WaitRunReplyLength, TimeSpan.FromSeconds(10));
                CollectionAssert.AreEqual(new byte[] { SerprogReply.Ack, Pages, SerprogNanoExtensions.WaitDone }, reply[..3]);
                Assert.AreEqual(0, reply[3] & 0x01, "last status has WIP clear");
                AssertCrcs(raw, image, 0x10000, 4096, 1);

                // With the pins released a run is refused after its data, which is full of opcodes. (A run past Q_WRNMAXLEN
                // cannot be tried here: its frame would not fit the UART's receive buffer, Q_SERBUF, which no host overruns.)
                Assert.AreEqual(SerprogReply.Ack, raw.SetPinState(false));
                byte[] refused = RunFrame(Pages, Operation);
                refused.AsSpan(1 + SerprogNanoExtensions.WaitRunParameterLength).Fill(SerprogOpcode.SyncNop);
                raw.Send(refused);
                CollectionAssert.AreEqual(new[] { SerprogReply.Nak }, raw.Receive(1, TimeSpan.FromSeconds(10)));
                raw.Send(SerprogOpcode.Nop);
                CollectionAssert.AreEqual(new[] { SerprogReply.Ack }, raw.Receive(1, TimeSpan.FromSeconds(10)), "in step after the refusal");
                Assert.AreEqual(SerprogReply.Ack, raw.SetPinState(true));
                AssertCrcs(raw, image, 0x10000, 4096, 1);
            }

            esp32.StopAndAssertHealthy();
            Assert.AreEqual(0, esp32.CommandsIgnoredWhileBusy(), "each page waited for before the next write enable");
        }

        [TestMethod]
        public void A_sparse_read_carries_only_the_pieces_not_erased_in_groups_the_buffer_holds()
        {
            const int Piece = 2048;
            const int Pieces = 512;
            byte[] image = SparseReplyReader.Patchwork(ChipSize, Piece, seed: 114);
            string start = Path.Combine(Directory, "patchwork.bin");
            File.WriteAllBytes(start, image);
            using var esp32 = VirtualEsp32.Start(SharedTools.RepositoryRoot, Directory, "--image", start);
            using (var raw = new RawSerprog(esp32.Port))
            {
                raw.Send(SerprogOpcode.QueryCommandMap);
                Assert.IsTrue(CommandMap.IsSet(raw.Receive(1 + SerprogLimits.CommandMapLength, TimeSpan.FromSeconds(10)), 1, SerprogNanoOpcode.SparseRead), "Q_CMDMAP lists the sparse read");
                Assert.AreEqual(SerprogReply.Ack, raw.SetPinState(true));

                // 1 MiB from an odd piece boundary; the firmware's 16 KiB buffer holds 7 pieces of 2 KiB behind a header.
                raw.Send(SparseReplyReader.Frame(0x03, 3, 0x10800, Piece, Pieces));
                CollectionAssert.AreEqual(new[] { SerprogReply.Ack }, raw.Receive(1, TimeSpan.FromSeconds(10)));
                (byte[] data, int erased, int groups) = SparseReplyReader.TakeApart(count => raw.Receive(count, TimeSpan.FromSeconds(10)), Piece, Pieces);
                BytesAssert.Equal(image.AsSpan(0x10800, Piece * Pieces), data);
                Assert.AreEqual(SparseReplyReader.ErasedPieces(image, 0x10800, Piece, Pieces), erased);
                Assert.IsGreaterThan(0, erased);
                Assert.AreEqual((Pieces + 6) / 7, groups);

                // A piece longer than the buffer holds behind a header is refused, and the link stays in step.
                raw.Send(SparseReplyReader.Frame(0x03, 3, 0, 16384, 1));
                CollectionAssert.AreEqual(new[] { SerprogReply.Nak }, raw.Receive(1, TimeSpan.FromSeconds(10)));
                raw.Send(SerprogOpcode.Nop);
                CollectionAssert.AreEqual(new[] { SerprogReply.Ack }, raw.Receive(1, TimeSpan.FromSeconds(10)), "in step after the refusal");
            }

            esp32.StopAndAssertHealthy();
        }

        /// <summary>An O_NANO_SPIOP_WAIT_RUN of WREN, RDSR, WIP and 10 ms per operation, its operations left zero.</summary>
        private static byte[] RunFrame(int count, int length)
        {
            var frame = new byte[1 + SerprogNanoExtensions.WaitRunParameterLength + (count * length)];
            frame[0] = SerprogNanoOpcode.SpiOperationWaitRun;
            SerprogNanoFrames.WriteWaitRunParameters(frame, 1, 0x06, 0x05, 0x01, 10, length, count);
            return frame;
        }

        private static void AssertCrcs(RawSerprog raw, byte[] image, int start, int blockLength, int blocks)
        {
            raw.Send(CrcFrame(start, blockLength, blocks));
            byte[] reply = raw.Receive(1 + (4 * blocks), TimeSpan.FromSeconds(30));
            Assert.AreEqual(SerprogReply.Ack, reply[0]);
            for (int block = 0; block < blocks; block++)
            {
                uint expected = Crc32.HashToUInt32(image.AsSpan(start + (block * blockLength), blockLength));
                Assert.AreEqual(expected, LittleEndian.ReadUInt32(reply, 1 + (4 * block)), $"CRC of {blockLength} bytes at {start + (block * blockLength)}");
            }
        }

        private static byte[] CrcFrame(int start, int blockLength, int blocks)
        {
            var frame = new byte[1 + SerprogNanoExtensions.CrcParameterLength];
            frame[0] = SerprogNanoOpcode.FlashCrc32;
            frame[1] = 0x03;
            frame[2] = 3;
            LittleEndian.WriteUInt32(frame, 3, (uint)start);
            LittleEndian.WriteUInt24(frame, 7, blockLength);
            LittleEndian.WriteUInt16(frame, 10, blocks);
            return frame;
        }
    }
}
