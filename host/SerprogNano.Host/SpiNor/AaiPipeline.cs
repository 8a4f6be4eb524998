using System;
using System.Collections.Generic;
using SerprogNano.Host.Chips;
using SerprogNano.Host.Spi;

namespace SerprogNano.Host.SpiNor
{
    /// <summary>
    /// SST auto-address-increment word programming, pipelined: every command behind a word program
    /// waits behind a padded RDSR whose status (the guard) shows whether the chip was still busy and
    /// so ignored it. Odd leading or trailing bytes use the single-byte program. A run whose guard saw
    /// WIP is finished with polled byte programs and the padding grows; the read-back verify of the
    /// write catches a word the chip may have put one step early.
    /// </summary>
    public sealed class AaiPipeline
    {
        private const int RunsPerBatch = 16;
        private const int InitialPadding = 8;

        private readonly ISpiMaster _master;
        private readonly ChipDefinition _chip;
        private readonly int _maxPadding;

        public AaiPipeline(ISpiMaster master, ChipDefinition chip)
        {
            _master = master;
            _chip = chip;
            _maxPadding = Math.Max(0, Math.Min(master.MaxWriteLength, 4096) - 1);
            Padding = Math.Min(InitialPadding, _maxPadding);
        }

        public int Padding { get; private set; }

        /// <summary>Runs whose guards saw the chip busy and were finished byte by byte.</summary>
        public long RunsRetried { get; private set; }

        public void Program(IReadOnlyList<PageWrite> runs, IProgress<long>? progress)
        {
            long done = 0;
            for (int first = 0; first < runs.Count; first += RunsPerBatch)
            {
                int count = Math.Min(RunsPerBatch, runs.Count - first);
                done += RunBatch(runs, first, count);
                progress?.Report(done);
            }

            WriteInProgressPoller.WaitUntilReady(_master, _chip.Timings.PageProgramMax, _chip.Timings.PageProgramTypical, "AAI program", runs.Count > 0 ? runs[^1].Address : null);
        }

        private long RunBatch(IReadOnlyList<PageWrite> runs, int first, int count)
        {
            var batch = new List<SpiTransaction>();
            var guards = new List<Memory<byte>>();
            var guardRun = new List<int>();
            long bytes = 0;
            for (int r = first; r < first + count; r++)
            {
                ReadOnlySpan<byte> data = runs[r].Data.Span;
                long address = runs[r].Address;
                bytes += data.Length;
                int offset = 0;
                if ((address & 1) != 0)
                {
                    AddGuarded(batch, guards, guardRun, r, SpiNorCommands.WriteEnable());
                    batch.Add(SpiNorCommands.PageProgram(SpiNorOpcode.PageProgram, address, 3, data[..1]));
                    offset = 1;
                }

                int words = (data.Length - offset) / 2;
                for (int w = 0; w < words; w++)
                {
                    int at = offset + (2 * w);
                    if (w == 0)
                    {
                        AddGuarded(batch, guards, guardRun, r, SpiNorCommands.WriteEnable());
                        batch.Add(SpiNorCommands.AaiStart(address + at, data[at], data[at + 1]));
                    }
                    else
                    {
                        AddGuarded(batch, guards, guardRun, r, SpiNorCommands.AaiContinue(data[at], data[at + 1], address + at));
                    }
                }

                if (words > 0)
                {
                    AddGuarded(batch, guards, guardRun, r, SpiNorCommands.WriteDisable());
                }

                int tail = offset + (2 * words);
                if (tail < data.Length)
                {
                    AddGuarded(batch, guards, guardRun, r, SpiNorCommands.WriteEnable());
                    batch.Add(SpiNorCommands.PageProgram(SpiNorOpcode.PageProgram, address + tail, 3, data[tail..]));
                }
            }

            _master.Execute(batch);

            for (int g = 0; g < guards.Count; g++)
            {
                if ((guards[g].Span[0] & StatusRegister.Busy) != 0)
                {
                    Padding = Math.Min(_maxPadding, (Padding * 2) + 8);
                    FinishByteByByte(runs, guardRun[g], first + count);
                    break;
                }
            }

            return bytes;
        }

        private void AddGuarded(List<SpiTransaction> batch, List<Memory<byte>> guards, List<int> guardRun, int run, SpiTransaction command)
        {
            var write = new byte[1 + Padding];
            write[0] = SpiNorOpcode.ReadStatus;
            Memory<byte> status = new byte[1];
            batch.Add(new SpiTransaction(write, status, "read status register"));
            guards.Add(status);
            guardRun.Add(run);
            batch.Add(command);
        }

        /// <summary>Leaves AAI mode and programs the runs from <paramref name="from"/> on one byte at a time, polling each.</summary>
        private void FinishByteByByte(IReadOnlyList<PageWrite> runs, int from, int end)
        {
            WriteInProgressPoller.WaitUntilReady(_master, _chip.Timings.PageProgramMax, _chip.Timings.PageProgramTypical, "AAI program", runs[from].Address);
            _master.Execute(SpiNorCommands.WriteDisable());
            for (int r = from; r < end; r++)
            {
                RunsRetried++;
                ReadOnlySpan<byte> data = runs[r].Data.Span;
                for (int i = 0; i < data.Length; i++)
                {
                    _master.Execute(new[] { SpiNorCommands.WriteEnable(), SpiNorCommands.PageProgram(SpiNorOpcode.PageProgram, runs[r].Address + i, 3, data.Slice(i, 1)) });
                    WriteInProgressPoller.WaitUntilReady(_master, _chip.Timings.PageProgramMax, _chip.Timings.PageProgramTypical, "byte program", runs[r].Address + i);
                }
            }
        }
    }
}
