using System;
using System.Collections.Generic;
using SerprogNano.Chips;
using SerprogNano.Host.Spi;

namespace SerprogNano.Host.SpiNor
{
    /// <summary>
    /// Page programs sent back to back without waiting for each page's WIP poll. A chip ignores WREN
    /// while it is busy, so before each page's WREN the pipeline puts a padded RDSR: its padding bytes
    /// take link time, so the chip reads its status only after that much time has passed since the
    /// previous page program. That status (the guard) says whether the WREN behind it was heard: a page
    /// whose guard saw WIP goes round the pipeline again (and is programmed alone after a poll if it
    /// keeps missing), and the padding grows when misses are common. A probe RDSR at three quarters of
    /// the padding says when it could shrink. The padding so learns the chip's program time in bytes of
    /// the link, whatever the link's speed. A device that runs late and catches up in a burst (an
    /// interpreter, a busy USB stack, a bursty adapter) turns padding into no delay at all; then
    /// <see cref="PageModeChooser"/> switches to lockstep, one round trip per page, whichever of the two
    /// measured faster on this link.
    /// </summary>
    public sealed class PagePipeline
    {
        private const int FirstBatchPages = 8;
        private const int MaxBatchPages = 256;
        private const int InitialPadding = 32;

        /// <summary>Longest padded RDSR: devices take a write phase up to their buffer (commonly 4 KiB) before they clock it.</summary>
        private const int PaddingLimit = 4096;

        /// <summary>Times a page may miss in the pipeline before it is programmed alone.</summary>
        private const int MaxPipelinedAttempts = 3;

        private readonly ISpiMaster _master;
        private readonly ChipDefinition _chip;
        private readonly SpiNorAddressing _addressing;
        private readonly int _maxPadding;

        /// <summary>Whether lockstep waits for a ready status before each page (its round trip is shorter than a page program).</summary>
        private bool _lockstepPolls;

        public PagePipeline(ISpiMaster master, ChipDefinition chip, SpiNorAddressing addressing)
        {
            _master = master;
            _chip = chip;
            _addressing = addressing;
            _maxPadding = Math.Max(0, Math.Min(master.MaxWriteLength, PaddingLimit) - 1);
            Padding = Math.Min(InitialPadding, _maxPadding);
        }

        /// <summary>Padding bytes now put between a page program and the next WREN.</summary>
        public int Padding { get; private set; }

        /// <summary>Page programs whose guard saw the chip busy, so they were sent again.</summary>
        public long PagesRetried { get; private set; }

        /// <summary>Programs every page; returns when the chip is idle again. Reports bytes done.</summary>
        public void Program(IReadOnlyList<PageWrite> pages, IProgress<long>? progress)
        {
            if (!_master.SendsAhead)
            {
                ProgramStopAndWait(pages, progress);
                return;
            }

            var work = new List<PageWrite>(pages);
            var misses = new Dictionary<long, int>();
            var chooser = new PageModeChooser();
            long done = 0;
            int batchPages = FirstBatchPages;
            int lockstepPages = FirstBatchPages;
            int next = 0;
            var pacer = new BatchPacer(BatchPacer.ProgramTarget);
            while (next < work.Count)
            {
                pacer.Start();
                if (!chooser.Pipelined)
                {
                    int stretch = Math.Min(lockstepPages, work.Count - next);
                    long written = ProgramLockstep(work, next, stretch);
                    chooser.Record(written, pacer.Elapsed, stretch, 0);
                    lockstepPages = pacer.Next(stretch, 1, MaxBatchPages);
                    next += stretch;
                    done += written;
                    progress?.Report(done);
                    continue;
                }

                int count = Math.Min(batchPages, work.Count - next);
                List<PageWrite> missed = RunBatch(work, next, count, out long bytes);
                int pacedPages = pacer.Next(count, 1, MaxBatchPages);
                next += count;
                foreach (PageWrite page in missed)
                {
                    // A missed page goes round again; one that keeps missing, or any once the padding cannot
                    // grow (a link faster than the chip), is programmed alone.
                    int times = misses[page.Address] = misses.GetValueOrDefault(page.Address) + 1;
                    PagesRetried++;
                    bytes -= page.Data.Length;
                    if (times < MaxPipelinedAttempts && Padding < _maxPadding)
                    {
                        work.Add(page);
                    }
                    else
                    {
                        ProgramAlone(page);
                        bytes += page.Data.Length;
                    }
                }

                chooser.Record(bytes, pacer.Elapsed, count, missed.Count);
                done += bytes;
                progress?.Report(done);
                batchPages = missed.Count == 0 ? Math.Min(MaxBatchPages, batchPages * 2) : Math.Max(FirstBatchPages, batchPages / 2);
                batchPages = Math.Max(FirstBatchPages, Math.Min(batchPages, pacedPages)); // a batch every quarter second on slow links
                if (!chooser.Pipelined)
                {
                    // Back in the pipeline later, it starts small: a try costs a few pages at most.
                    batchPages = FirstBatchPages;
                }
            }

            WaitForLastPage(work);
        }

        /// <summary>
        /// Sends each page (guard, WREN, program) once the previous page's answer is back: the chip had a
        /// round trip to finish it, however late the device runs. A page whose guard found the chip still
        /// busy is polled for and sent again; after such a miss (a round trip shorter than the chip's program
        /// time, as on loopback) the next page waits for a ready status first, until a poll finds the chip
        /// ready at once. Returns the bytes programmed.
        /// </summary>
        private long ProgramLockstep(List<PageWrite> pages, int first, int count)
        {
            var status = new byte[1];
            long bytes = 0;
            for (int i = first; i < first + count; i++)
            {
                PageWrite page = pages[i];
                if (_lockstepPolls)
                {
                    _master.Execute(new[] { SpiNorCommands.ReadStatus(SpiNorOpcodes.ReadStatus, status) });
                    _lockstepPolls = (status[0] & SpiNorStatusBits.WriteInProgress) != 0;
                    if (_lockstepPolls)
                    {
                        WaitUntilPageDone(page);
                    }
                }

                while (true)
                {
                    _master.Execute(new[]
                    {
                        SpiNorCommands.ReadStatus(SpiNorOpcodes.ReadStatus, status),
                        SpiNorCommands.WriteEnable(),
                        SpiNorCommands.PageProgram(_addressing.ProgramOpcode, page.Address, _addressing.AddressBytes, page.Data.Span),
                    });
                    if ((status[0] & SpiNorStatusBits.WriteInProgress) == 0)
                    {
                        break;
                    }

                    PagesRetried++;
                    _lockstepPolls = true;
                    WaitUntilPageDone(page);
                }

                bytes += page.Data.Length;
            }

            return bytes;
        }

        /// <summary>Polls until the page program before <paramref name="next"/> is done.</summary>
        private void WaitUntilPageDone(PageWrite next) =>
            WriteInProgressPoller.WaitUntilReady(_master, _chip.Timings.PageProgramMax, _chip.Timings.PageProgramTypical, "page program before " + SpiNorCommands.Hex(next.Address), null);

        private List<PageWrite> RunBatch(List<PageWrite> pages, int first, int count, out long bytes)
        {
            var batch = new List<SpiTransaction>(count * 4);
            var statuses = new byte[count * 2];
            int probePadding = Padding * 3 / 4;
            bytes = 0;
            for (int i = 0; i < count; i++)
            {
                PageWrite page = pages[first + i];
                if (Padding > 0)
                {
                    batch.Add(PaddedStatusRead(probePadding, statuses.AsMemory(2 * i, 1)));
                }

                // With no padding the probe would be a second, identical status read: one command per page
                // fewer matters on firmwares that pause after every command (esp32-serprog's RTOS tick).
                batch.Add(PaddedStatusRead(Padding - probePadding, statuses.AsMemory((2 * i) + 1, 1)));
                batch.Add(SpiNorCommands.WriteEnable());
                batch.Add(SpiNorCommands.PageProgram(_addressing.ProgramOpcode, page.Address, _addressing.AddressBytes, page.Data.Span));
                bytes += page.Data.Length;
            }

            _master.Execute(batch);

            int probesReady = 0;
            var missed = new List<PageWrite>();
            for (int i = 0; i < count; i++)
            {
                probesReady += (statuses[2 * i] & SpiNorStatusBits.WriteInProgress) == 0 ? 1 : 0;
                if ((statuses[(2 * i) + 1] & SpiNorStatusBits.WriteInProgress) != 0)
                {
                    // The chip was busy when this page's WREN came, so it ignored the WREN and the program.
                    missed.Add(pages[first + i]);
                }
            }

            Adapt(probesReady * 10 >= count * 9, missed.Count * 8 > count);
            return missed;
        }

        /// <summary>
        /// Grows the padding when more than one page in eight missed; shrinks it while nine probes in ten
        /// already find the chip ready. A rare miss (the device ran late and caught up in a burst) costs
        /// one page sent again, cheaper than padding every page for it.
        /// </summary>
        private void Adapt(bool probesMostlyReady, bool missedOften)
        {
            if (missedOften)
            {
                Padding = Math.Min(_maxPadding, Padding + (Padding / 4) + 8);
            }
            else if (probesMostlyReady)
            {
                Padding -= (Padding / 8) + (Padding > 0 ? 1 : 0);
            }
        }

        /// <summary>
        /// A master that waits for every answer gains nothing from padding and guards (each costs a round trip):
        /// WREN, page program, then poll until ready, as flashprog programs a page.
        /// </summary>
        private void ProgramStopAndWait(IReadOnlyList<PageWrite> pages, IProgress<long>? progress)
        {
            long done = 0;
            foreach (PageWrite page in pages)
            {
                _master.Execute(new[]
                {
                    SpiNorCommands.WriteEnable(),
                    SpiNorCommands.PageProgram(_addressing.ProgramOpcode, page.Address, _addressing.AddressBytes, page.Data.Span),
                });
                WriteInProgressPoller.WaitUntilReady(_master, _chip.Timings.PageProgramMax, _chip.Timings.PageProgramTypical, "page program", page.Address);
                done += page.Data.Length;
                progress?.Report(done);
            }
        }

        /// <summary>Polls until the chip is idle, then programs the page and waits for it: the slow, sure way.</summary>
        private void ProgramAlone(PageWrite page)
        {
            WriteInProgressPoller.WaitUntilReady(_master, _chip.Timings.PageProgramMax, _chip.Timings.PageProgramTypical, "page program", page.Address);
            _master.Execute(new[]
            {
                SpiNorCommands.WriteEnable(),
                SpiNorCommands.PageProgram(_addressing.ProgramOpcode, page.Address, _addressing.AddressBytes, page.Data.Span),
            });
            WriteInProgressPoller.WaitUntilReady(_master, _chip.Timings.PageProgramMax, _chip.Timings.PageProgramTypical, "page program", page.Address);
        }

        private void WaitForLastPage(IReadOnlyList<PageWrite> pages)
        {
            if (pages.Count > 0)
            {
                WriteInProgressPoller.WaitUntilReady(_master, _chip.Timings.PageProgramMax, _chip.Timings.PageProgramTypical, "page program", pages[^1].Address);
            }
        }

        /// <summary>RDSR followed by padding the chip ignores; the status is read once all of it has arrived.</summary>
        private static SpiTransaction PaddedStatusRead(int padding, Memory<byte> status)
        {
            var bytes = new byte[1 + padding];
            bytes[0] = SpiNorOpcodes.ReadStatus;
            return new SpiTransaction(bytes, status, "read status register");
        }
    }
}
