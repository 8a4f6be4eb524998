using System;
using System.Collections.Generic;
using SerprogNano.Chips;
using SerprogNano.Host.Spi;

namespace SerprogNano.Host.SpiNor
{
    /// <summary>
    /// SST auto-address-increment word programming, pipelined: every command behind a word program
    /// waits behind a padded RDSR whose status (the guard) shows whether the chip was still busy and
    /// so ignored it. Odd leading or trailing bytes use the single-byte program. Once a guard sees WIP
    /// the link is too fast for AAI: the rest goes as guarded single-byte programs, and the write's
    /// read-back verify (and its repair pass) deals with a word the chip may have put one step early.
    /// </summary>
    public sealed class AaiPipeline
    {
        private const int RunsPerBatch = 16;
        /// <summary>Padding of each guard: a 10-byte AAI frame plus this outlasts the 10 us word time on any UART up to 10 Mbaud.</summary>
        private const int GuardPadding = 8;

        private readonly ISpiMaster _master;
        private readonly ChipDefinition _chip;
        private readonly PagePipeline _bytePrograms;

        public AaiPipeline(ISpiMaster master, ChipDefinition chip, SpiNorAddressing addressing)
        {
            _master = master;
            _chip = chip;
            _bytePrograms = new PagePipeline(master, chip, addressing);
            Padding = Math.Max(0, Math.Min(GuardPadding, master.MaxWriteLength - 1));
        }

        /// <summary>Padding bytes of each guard RDSR.</summary>
        public int Padding { get; }

        /// <summary>Runs programmed byte by byte because a guard once saw the chip busy.</summary>
        public long RunsRetried { get; private set; }

        /// <summary>
        /// Set once a guard saw the chip busy: a word the chip ignored shifts every later word of its run,
        /// so on this link the rest of the session uses single-byte programs, which an ignored WREN only delays.
        /// </summary>
        public bool AaiAbandoned { get; private set; }

        public void Program(IReadOnlyList<PageWrite> runs, IProgress<long>? progress)
        {
            long done = 0;
            int first = 0;
            while (first < runs.Count && !AaiAbandoned)
            {
                int count = Math.Min(RunsPerBatch, runs.Count - first);
                int missed = RunBatch(runs, first, count, out long bytes);
                if (missed >= 0)
                {
                    LeaveAai(runs[missed].Address);
                    AaiAbandoned = true;
                    first = missed;
                    break;
                }

                first += count;
                done += bytes;
                progress?.Report(done);
            }

            if (first < runs.Count)
            {
                ProgramBytes(runs, first);
                progress?.Report(done + BytesFrom(runs, first));
            }

            WriteInProgressPoller.WaitUntilReady(_master, _chip.Timings.PageProgramMax, _chip.Timings.PageProgramTypical, "AAI program", runs.Count > 0 ? runs[^1].Address : null);
        }

        /// <summary>Sends the runs; returns the first run whose guard saw the chip busy, or -1.</summary>
        private int RunBatch(IReadOnlyList<PageWrite> runs, int first, int count, out long bytes)
        {
            var batch = new List<SpiTransaction>();
            var guards = new List<Memory<byte>>();
            var guardRun = new List<int>();
            bytes = 0;
            for (int r = first; r < first + count; r++)
            {
                ReadOnlySpan<byte> data = runs[r].Data.Span;
                long address = runs[r].Address;
                bytes += data.Length;
                int offset = 0;
                if ((address & 1) != 0)
                {
                    AddGuarded(batch, guards, guardRun, r, SpiNorCommands.WriteEnable());
                    batch.Add(SpiNorCommands.PageProgram(SpiNorOpcodes.PageProgram, address, 3, data[..1]));
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
                    batch.Add(SpiNorCommands.PageProgram(SpiNorOpcodes.PageProgram, address + tail, 3, data[tail..]));
                }
            }

            _master.Execute(batch);

            for (int g = 0; g < guards.Count; g++)
            {
                if ((guards[g].Span[0] & SpiNorStatusBits.WriteInProgress) != 0)
                {
                    return guardRun[g];
                }
            }

            return -1;
        }

        private void AddGuarded(List<SpiTransaction> batch, List<Memory<byte>> guards, List<int> guardRun, int run, SpiTransaction command)
        {
            var write = new byte[1 + Padding];
            write[0] = SpiNorOpcodes.ReadStatus;
            Memory<byte> status = new byte[1];
            batch.Add(new SpiTransaction(write, status, "read status register"));
            guards.Add(status);
            guardRun.Add(run);
            batch.Add(command);
        }

        /// <summary>Waits for the chip and sends WRDI, which ends AAI mode.</summary>
        private void LeaveAai(long address)
        {
            WriteInProgressPoller.WaitUntilReady(_master, _chip.Timings.PageProgramMax, _chip.Timings.PageProgramTypical, "AAI program", address);
            _master.Execute(SpiNorCommands.WriteDisable());
            WriteInProgressPoller.WaitUntilReady(_master, _chip.Timings.PageProgramMax, _chip.Timings.PageProgramTypical, "AAI program", address);
        }

        /// <summary>Programs the runs from <paramref name="from"/> on as single bytes through the guarded pipeline (0xFF bytes change nothing and are left out).</summary>
        private void ProgramBytes(IReadOnlyList<PageWrite> runs, int from)
        {
            var bytes = new List<PageWrite>();
            for (int r = from; r < runs.Count; r++)
            {
                RunsRetried++;
                ReadOnlyMemory<byte> data = runs[r].Data;
                for (int i = 0; i < data.Length; i++)
                {
                    if (data.Span[i] != 0xFF)
                    {
                        bytes.Add(new PageWrite(runs[r].Address + i, data.Slice(i, 1)));
                    }
                }
            }

            _bytePrograms.Program(bytes, null);
        }

        private static long BytesFrom(IReadOnlyList<PageWrite> runs, int from)
        {
            long total = 0;
            for (int r = from; r < runs.Count; r++)
            {
                total += runs[r].Data.Length;
            }

            return total;
        }
    }
}
