using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using SerprogNano.Cli.Output;
using SerprogNano.Host.Operations;
using SerprogNano.Host.SpiNor;

namespace SerprogNano.Cli
{
    /// <summary>
    /// What a write or erase has done to the chip so far, block by block, from its plans and the progress of their
    /// erases and programs: what a stop of any kind (Ctrl+C, SIGTERM, a lost link) reports. Read from the signal
    /// thread too, hence the lock.
    /// </summary>
    public sealed class ChipChanges
    {
        /// <summary>Ranges named in the text; --json lists them all.</summary>
        private const int RangesInText = 8;

        private readonly object _gate = new();
        private readonly int _sector;
        private readonly SectorState[] _before;
        private readonly Func<long> _retried;
        private long _retriedAtPlan;
        private IReadOnlyList<EraseStep> _erases = [];
        private IReadOnlyList<PageWrite> _programs = [];
        private int _plans;
        private Stage _stage;
        private long _done;

        /// <param name="sector">The smallest erase block: the unit states are kept in.</param>
        /// <param name="retried">
        /// Page programs sent again so far (<see cref="SpiNorFlash.ProgramsRetried"/>): a page a busy chip missed goes to the end
        /// of the queue, so with misses the bytes done are no longer the first pages of the plan.
        /// </param>
        public ChipChanges(long size, int sector, Func<long> retried)
        {
            _sector = sector;
            _before = new SectorState[size / sector];
            _retried = retried;
        }

        /// <summary>For a write through <paramref name="flash"/>.</summary>
        public static ChipChanges Of(SpiNorFlash flash) => new(flash.Size, flash.Addressing.EraseBlocks[0].Size, () => flash.ProgramsRetried);

        public enum SectorState
        {
            Unchanged,
            Old,
            Redo,
            Erased,
            PartlyProgrammed,
            New,
            Unknown,
        }

        /// <summary>Where the current plan is: its progress phases come in this order.</summary>
        private enum Stage
        {
            Planned,
            Erase,
            Program,

            /// <summary>Erases and programs block by block (<see cref="PlanStep.Interleave"/>): the progress counts the <see cref="PlanStep.Weights"/> of the steps done.</summary>
            EraseAndProgram,
            Check,
        }

        /// <summary>Whether anything may have changed on the chip (a plan was started).</summary>
        public bool Started
        {
            get
            {
                lock (_gate)
                {
                    return _plans > 0;
                }
            }
        }

        /// <summary>A run of sectors in one state; End is the last byte.</summary>
        public readonly record struct Range(long Start, long End, SectorState State);

        /// <summary>Passes progress on after noting it, so a stop raised by <paramref name="next"/> sees this report counted.</summary>
        public IProgress<OperationProgress> Watch(IProgress<OperationProgress> next) => new Watcher(this, next);

        public void Planned(WritePlan plan) => Planned(plan.Erases, plan.Programs);

        /// <summary>A plan about to be carried out, each list in address order (as its progress counts them).</summary>
        public void Planned(IReadOnlyList<EraseStep> erases, IReadOnlyList<PageWrite> programs)
        {
            lock (_gate)
            {
                if (_plans > 0)
                {
                    // A repair: the previous plan ran to its end; its blocks keep what it did unless planned again.
                    States(settled: true).CopyTo(_before, 0);
                }

                SectorState pending = _plans == 0 ? SectorState.Old : SectorState.Redo;
                foreach (EraseStep erase in erases)
                {
                    Fill(_before, erase.Address, erase.Block.Size, pending);
                }

                foreach (PageWrite program in programs)
                {
                    Fill(_before, program.Address, program.Data.Length, pending);
                }

                _erases = erases;
                _programs = programs;
                _plans++;
                _retriedAtPlan = _retried();
                _stage = Stage.Planned;
                _done = 0;
            }
        }

        /// <summary>Every planned erase and program is done and the read-back (or blank check) had begun.</summary>
        public bool AllDoneBeforeCheck
        {
            get
            {
                lock (_gate)
                {
                    return _plans > 0 && _stage == Stage.Check;
                }
            }
        }

        /// <param name="settled">
        /// The stop came at a progress report (between two SPI commands): everything reported is done and nothing
        /// more was sent. Otherwise (a lost link, a second signal) the rest of the phase under way may be done or not.
        /// </param>
        public IReadOnlyList<Range> Ranges(bool settled)
        {
            lock (_gate)
            {
                SectorState[] states = States(settled);
                var ranges = new List<Range>();
                for (int i = 0; i < states.Length; i++)
                {
                    if (ranges.Count > 0 && ranges[^1].State == states[i])
                    {
                        ranges[^1] = ranges[^1] with { End = ((long)(i + 1) * _sector) - 1 };
                    }
                    else
                    {
                        ranges.Add(new Range((long)i * _sector, ((long)(i + 1) * _sector) - 1, states[i]));
                    }
                }

                return ranges;
            }
        }

        /// <summary>The changed ranges, one indented line each, and that the rest is unchanged.</summary>
        public string Describe(bool settled)
        {
            List<Range> changed = Ranges(settled).Where(range => range.State != SectorState.Unchanged).ToList();
            var text = new StringBuilder();
            foreach (Range range in changed.Take(RangesInText))
            {
                text.Append("\n  ").Append(SpiNorCommands.Hex(range.Start)).Append('-').Append(SpiNorCommands.Hex(range.End))
                    .Append(" (").Append(ByteUnits.Size(range.End - range.Start + 1)).Append(") ").Append(Words(range.State));
            }

            if (changed.Count > RangesInText)
            {
                text.Append("\n  and ").Append(changed.Count - RangesInText).Append(" more ranges (--json lists them all)");
            }

            return text.Append("\n  every other block unchanged").ToString();
        }

        /// <summary>Every range, for --json: start, end (the last byte) and state.</summary>
        public JsonArray Json(bool settled)
        {
            var array = new JsonArray();
            foreach (Range range in Ranges(settled))
            {
                array.Add(new JsonObject { ["start"] = range.Start, ["end"] = range.End, ["state"] = Id(range.State) });
            }

            return array;
        }

        private static string Id(SectorState state) => state switch
        {
            SectorState.Unchanged => "unchanged",
            SectorState.Old => "old",
            SectorState.Redo => "redo",
            SectorState.Erased => "erased",
            SectorState.PartlyProgrammed => "partly-programmed",
            SectorState.New => "new",
            _ => "unknown",
        };

        private static string Words(SectorState state) => state switch
        {
            SectorState.Old => "old: not yet erased or programmed",
            SectorState.Redo => "neither old nor new: a round whose verify failed left it, to be written again",
            SectorState.Erased => "erased (all 0xFF), not yet programmed",
            SectorState.PartlyProgrammed => "partly programmed: each page erased or new",
            SectorState.New => "new: as wanted, not yet verified",
            SectorState.Unknown => "unknown: being changed when it stopped (old, erased or new)",
            _ => "unchanged",
        };

        /// <summary>Bytes of whole steps in <paramref name="sizes"/> that <paramref name="done"/> covers, as a count of steps.</summary>
        private static int Completed(IEnumerable<long> sizes, long done)
        {
            int count = 0;
            foreach (long size in sizes)
            {
                if (done < size)
                {
                    break;
                }

                done -= size;
                count++;
            }

            return count;
        }

        /// <summary>Erases and programs done, from the bytes of the steps of a block-by-block run that the progress covers.</summary>
        private (int Erases, int Programs) StepsDone()
        {
            List<PlanStep> steps = PlanStep.Interleave(_erases, _programs);
            int done = Completed(PlanStep.Weights(steps, _erases, _programs), _done);
            int erases = steps.Take(done).Count(step => step.IsErase);
            return (erases, done - erases);
        }

        private void Fill(SectorState[] states, long address, long length, SectorState state)
        {
            for (long sector = address / _sector; sector <= (address + length - 1) / _sector; sector++)
            {
                states[sector] = state;
            }
        }

        private SectorState[] States(bool settled)
        {
            var states = (SectorState[])_before.Clone();
            (int erasesDone, int programsDone) = _stage switch
            {
                Stage.EraseAndProgram => StepsDone(),
                Stage.Erase => (Completed(_erases.Select(e => (long)e.Block.Size), _done), 0),
                Stage.Program => (_erases.Count, Completed(_programs.Select(p => (long)p.Data.Length), _done)),
                Stage.Check => (_erases.Count, _programs.Count),
                _ => (0, 0),
            };

            // Not settled: every erase or program of the phase under way past those reported may have run or not.
            bool erasesOpen = !settled && _stage is Stage.Erase or Stage.EraseAndProgram;
            bool programsOpen = !settled && _stage is Stage.Program or Stage.EraseAndProgram;
            for (int i = 0; i < _erases.Count; i++)
            {
                SectorState erase = i < erasesDone ? SectorState.Erased : erasesOpen ? SectorState.Unknown : states[_erases[i].Address / _sector];
                Fill(states, _erases[i].Address, _erases[i].Block.Size, erase);
            }

            // Pages done: all of them after the program phase; in it, the first ones its bytes cover, unless pages were
            // missed: then each of the first (done + missed) pages is done or still to come.
            long missed = _stage == Stage.Program ? _retried() - _retriedAtPlan : 0;
            int reached = (int)Math.Min(_programs.Count, programsDone + missed);
            var planned = new Dictionary<long, (int Planned, int Done, bool Maybe, bool Open)>();
            for (int i = 0; i < _programs.Count; i++)
            {
                long sector = _programs[i].Address / _sector;
                (int count, int done, bool maybe, bool open) = planned.GetValueOrDefault(sector);
                bool certain = missed == 0 && i < programsDone;
                planned[sector] = (count + 1, done + (certain ? 1 : 0), maybe || (!certain && i < reached), open || (programsOpen && i >= reached));
            }

            foreach (var (sector, (count, done, maybe, open)) in planned)
            {
                states[sector] = states[sector] == SectorState.Unknown || open ? SectorState.Unknown
                    : done == count ? SectorState.New
                    : done > 0 || maybe ? SectorState.PartlyProgrammed
                    : states[sector];
            }

            // An erased sector with nothing to program in it holds its new contents: 0xFF.
            foreach (EraseStep erase in _erases.Take(erasesDone))
            {
                for (long sector = erase.Address / _sector; sector < (erase.Address + erase.Block.Size) / _sector; sector++)
                {
                    if (states[sector] == SectorState.Erased && !planned.ContainsKey(sector))
                    {
                        states[sector] = SectorState.New;
                    }
                }
            }

            return states;
        }

        private void Note(OperationProgress value)
        {
            lock (_gate)
            {
                if (_plans == 0)
                {
                    return;
                }

                Stage stage = value.Phase.EndsWith(WritePhase.EraseAndProgram, StringComparison.Ordinal) ? Stage.EraseAndProgram
                    : value.Phase.EndsWith("erase", StringComparison.Ordinal) ? Stage.Erase
                    : value.Phase.EndsWith("program", StringComparison.Ordinal) ? Stage.Program
                    : Stage.Check;
                if (stage >= _stage)
                {
                    _stage = stage;
                    _done = value.Done;
                }
            }
        }

        private sealed class Watcher : IProgress<OperationProgress>
        {
            private readonly ChipChanges _changes;
            private readonly IProgress<OperationProgress> _next;

            public Watcher(ChipChanges changes, IProgress<OperationProgress> next)
            {
                _changes = changes;
                _next = next;
            }

            public void Report(OperationProgress value)
            {
                _changes.Note(value);
                _next.Report(value);
            }
        }
    }
}
