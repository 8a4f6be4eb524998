using System;
using System.Collections.Generic;
using SerprogNano.Host.Chips;
using SerprogNano.Host.Spi;

namespace SerprogNano.Host.SpiNor
{
    /// <summary>
    /// Page programs sent back to back without waiting for each page's WIP poll. A chip ignores WREN
    /// while it is busy, so before each page's WREN the pipeline puts a padded RDSR: its padding bytes
    /// take link time, so the chip reads its status only after that much time has passed since the
    /// previous page program. That status (the guard) says whether the WREN behind it was heard: a page
    /// whose guard saw WIP is programmed again after a real poll, and the padding grows. A probe RDSR at
    /// three quarters of the padding says when it could shrink. The padding so learns the chip's program
    /// time in bytes of the link, whatever the link's speed.
    /// </summary>
    public sealed class PagePipeline
    {
        private const int FirstBatchPages = 8;
        private const int MaxBatchPages = 256;
        private const int InitialPadding = 32;

        private readonly ISpiMaster _master;
        private readonly ChipDefinition _chip;
        private readonly SpiNorAddressing _addressing;
        private readonly int _maxPadding;

        public PagePipeline(ISpiMaster master, ChipDefinition chip, SpiNorAddressing addressing)
        {
            _master = master;
            _chip = chip;
            _addressing = addressing;
            _maxPadding = Math.Max(0, Math.Min(master.MaxWriteLength, 4096) - 1);
            Padding = Math.Min(InitialPadding, _maxPadding);
        }

        /// <summary>Padding bytes now put between a page program and the next WREN.</summary>
        public int Padding { get; private set; }

        /// <summary>Pages whose guard saw the chip busy, programmed again after a poll.</summary>
        public long PagesRetried { get; private set; }

        /// <summary>Programs every page; returns when the chip is idle again. Reports bytes done.</summary>
        public void Program(IReadOnlyList<PageWrite> pages, IProgress<long>? progress)
        {
            long done = 0;
            int batchPages = FirstBatchPages;
            int next = 0;
            while (next < pages.Count)
            {
                int count = Math.Min(batchPages, pages.Count - next);
                bool allGuardsClear = RunBatch(pages, next, count, out long bytes);
                next += count;
                done += bytes;
                progress?.Report(done);
                batchPages = allGuardsClear ? Math.Min(MaxBatchPages, batchPages * 2) : FirstBatchPages;
            }

            WaitForLastPage(pages);
        }

        private bool RunBatch(IReadOnlyList<PageWrite> pages, int first, int count, out long bytes)
        {
            var batch = new List<SpiTransaction>(count * 4);
            var statuses = new byte[count * 2];
            int probePadding = Padding * 3 / 4;
            bytes = 0;
            for (int i = 0; i < count; i++)
            {
                PageWrite page = pages[first + i];
                batch.Add(PaddedStatusRead(probePadding, statuses.AsMemory(2 * i, 1)));
                batch.Add(PaddedStatusRead(Padding - probePadding, statuses.AsMemory((2 * i) + 1, 1)));
                batch.Add(SpiNorCommands.WriteEnable());
                batch.Add(SpiNorCommands.PageProgram(_addressing.ProgramOpcode, page.Address, _addressing.AddressBytes, page.Data.Span));
                bytes += page.Data.Length;
            }

            _master.Execute(batch);

            bool probesAllReady = true;
            bool guardsAllClear = true;
            for (int i = 0; i < count; i++)
            {
                probesAllReady &= (statuses[2 * i] & StatusRegister.Busy) == 0;
                if ((statuses[(2 * i) + 1] & StatusRegister.Busy) != 0)
                {
                    guardsAllClear = false;
                    ProgramAfterPoll(pages, first + i);
                }
            }

            Adapt(probesAllReady, guardsAllClear);
            return guardsAllClear;
        }

        private void Adapt(bool probesAllReady, bool guardsAllClear)
        {
            if (!guardsAllClear)
            {
                Padding = Math.Min(_maxPadding, (Padding * 3 / 2) + 16);
            }
            else if (probesAllReady)
            {
                Padding -= (Padding / 8) + (Padding > 0 ? 1 : 0);
            }
        }

        /// <summary>The page's WREN fell on a busy chip, so nothing was programmed: poll, then program it alone.</summary>
        private void ProgramAfterPoll(IReadOnlyList<PageWrite> pages, int index)
        {
            PagesRetried++;
            PageWrite page = pages[index];
            WriteInProgressPoller.WaitUntilReady(_master, _chip.Timings.PageProgramMax, _chip.Timings.PageProgramTypical, "page program", index > 0 ? pages[index - 1].Address : page.Address);
            _master.Execute(new[]
            {
                SpiNorCommands.WriteEnable(),
                SpiNorCommands.PageProgram(_addressing.ProgramOpcode, page.Address, _addressing.AddressBytes, page.Data.Span),
            });
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
            bytes[0] = SpiNorOpcode.ReadStatus;
            return new SpiTransaction(bytes, status, "read status register");
        }
    }
}
