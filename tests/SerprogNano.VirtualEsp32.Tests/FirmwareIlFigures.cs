using System;
using System.IO;
using SerprogNano.Protocol;

namespace SerprogNano.VirtualEsp32.Tests
{
    /// <summary>
    /// IL instructions the firmware executes per operation on nanoFramework's real interpreter: a measure of its work
    /// that does not depend on the machine (run-firmware counts them). Each figure is the difference between a firmware
    /// process that only drives and releases the lines and one that also runs the operations, divided by their number.
    /// A figure, not a pass/fail timing: scripts/firmware-bench.sh prints it (TestCategory=Figures).
    /// </summary>
    [TestClass]
    public sealed class FirmwareIlFigures
    {
        private const int Operations = 32;
        private const int Chunk = 4096;
        private const int Page = 256;

        /// <summary>Pages per O_NANO_SPIOP_WAIT_RUN from the host: half the ESP32's 4103-byte Q_SERBUF, so two runs are in flight.</summary>
        private const int RunPages = 7;

        public TestContext TestContext { get; set; } = null!;

        private string Directory => TestContext.TestRunResultsDirectory ?? Path.GetTempPath();

        [TestMethod]
        [TestCategory("Figures")]
        public void Il_instructions_per_operation()
        {
            long baseline = Il(_ => { });
            Console.WriteLine("| operation (virtual ESP32, instant chip) | IL instructions |");
            Console.WriteLine("|---|---|");
            Print(baseline, "NOP round trip (the floor of every frame: read the opcode, dispatch, write the ACK)", raw =>
            {
                for (int nop = 0; nop < Operations; nop++)
                {
                    raw.Send(SerprogOpcode.Nop);
                    Assert.AreEqual(SerprogReply.Ack, raw.Receive(1, TimeSpan.FromSeconds(10))[0]);
                }
            });
            Print(baseline, "O_SPIOP RDSR (write 1 byte, read 1)", raw =>
            {
                for (int poll = 0; poll < Operations; poll++)
                {
                    Expect(raw, new byte[] { 0x05 }, 1);
                }
            });
            Print(baseline, $"4 KiB read chunk (one O_SPIOP READ of {Operations * Chunk / 1024} KiB)", raw =>
            {
                raw.SendSpiOperation(new byte[] { 0x03, 0, 0, 0 }, Operations * Chunk);
                Assert.AreEqual(SerprogReply.Ack, raw.Receive(1 + (Operations * Chunk), TimeSpan.FromSeconds(60))[0]);
            });
            Print(baseline, "v1 page program as flashrom sends it (WREN, PP 256, RDSR until WIP clears)", raw =>
            {
                for (int page = 0; page < Operations; page++)
                {
                    Expect(raw, new byte[] { 0x06 }, 0);
                    Expect(raw, PageProgram(page), 0);
                    while ((Expect(raw, new byte[] { 0x05 }, 1)[1] & 0x01) != 0)
                    {
                    }
                }
            });
            Print(baseline, "extension page program (one O_NANO_SPIOP_WAIT: WREN, PP 256, wait for WIP)", raw =>
            {
                for (int page = 0; page < Operations; page++)
                {
                    byte[] program = PageProgram(page);
                    var frame = new byte[1 + SerprogNanoExtensions.WaitParameterLength + program.Length];
                    frame[0] = SerprogNanoOpcode.SpiOperationWait;
                    frame[1] = 0x06;
                    frame[2] = 0x05;
                    frame[3] = 0x01;
                    LittleEndian.WriteUInt16(frame, 4, 1000);
                    LittleEndian.WriteUInt24(frame, 6, program.Length);
                    program.CopyTo(frame, 1 + SerprogNanoExtensions.WaitParameterLength);
                    raw.Send(frame);
                    CollectionAssert.AreEqual(new byte[] { SerprogReply.Ack, SerprogNanoExtensions.WaitDone }, raw.Receive(3, TimeSpan.FromSeconds(10))[..2]);
                }
            });
            Print(baseline, $"extension page program through runs (O_NANO_SPIOP_WAIT_RUN of up to {RunPages} pages, as the host packs them)", raw =>
            {
                for (int first = 0; first < Operations; first += RunPages)
                {
                    int pages = Math.Min(RunPages, Operations - first);
                    var frame = new byte[1 + SerprogNanoExtensions.WaitRunParameterLength + (pages * (4 + Page))];
                    frame[0] = SerprogNanoOpcode.SpiOperationWaitRun;
                    SerprogNanoFrames.WriteWaitRunParameters(frame, 1, 0x06, 0x05, 0x01, 1000, 4 + Page, pages);
                    for (int page = 0; page < pages; page++)
                    {
                        PageProgram(first + page).CopyTo(frame, 1 + SerprogNanoExtensions.WaitRunParameterLength + (page * (4 + Page)));
                    }

                    raw.Send(frame);
                    CollectionAssert.AreEqual(new byte[] { SerprogReply.Ack, (byte)pages, SerprogNanoExtensions.WaitDone }, raw.Receive(4, TimeSpan.FromSeconds(10))[..3]);
                }
            });
            Print(baseline, "CRC block of 4 KiB (one O_NANO_CRC32 of 32 blocks)", raw =>
            {
                var frame = new byte[1 + SerprogNanoExtensions.CrcParameterLength];
                frame[0] = SerprogNanoOpcode.FlashCrc32;
                frame[1] = 0x03;
                frame[2] = 3;
                LittleEndian.WriteUInt24(frame, 7, Chunk);
                LittleEndian.WriteUInt16(frame, 10, Operations);
                raw.Send(frame);
                Assert.AreEqual(SerprogReply.Ack, raw.Receive(1 + (4 * Operations), TimeSpan.FromSeconds(60))[0]);
            });
        }

        private static byte[] PageProgram(int page)
        {
            var program = new byte[4 + Page];
            int address = page * Page;
            program[0] = 0x02;
            program[1] = (byte)(address >> 16);
            program[2] = (byte)(address >> 8);
            program[3] = (byte)address;
            return program;
        }

        private static byte[] Expect(RawSerprog raw, byte[] write, int readCount)
        {
            raw.SendSpiOperation(write, readCount);
            byte[] reply = raw.Receive(1 + readCount, TimeSpan.FromSeconds(10));
            Assert.AreEqual(SerprogReply.Ack, reply[0]);
            return reply;
        }

        private void Print(long baseline, string label, Action<RawSerprog> operations)
        {
            long perOperation = (Il(operations) - baseline) / Operations;
            Console.WriteLine($"| {label} | {perOperation:N0} |");
        }

        private long Il(Action<RawSerprog> operations)
        {
            using var esp32 = VirtualEsp32.Start(SharedTools.RepositoryRoot, Directory);
            using (var raw = new RawSerprog(esp32.Port))
            {
                Assert.AreEqual(SerprogReply.Ack, raw.SetPinState(true));
                operations(raw);
                Assert.AreEqual(SerprogReply.Ack, raw.SetPinState(false));
            }

            esp32.StopAndAssertHealthy();
            return esp32.IlInstructions();
        }
    }
}
