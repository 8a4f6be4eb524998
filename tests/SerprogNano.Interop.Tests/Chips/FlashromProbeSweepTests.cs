using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using SerprogNano.Chips;
using SerprogNano.Emulator.Chip;
using SerprogNano.TestSupport;

namespace SerprogNano.Interop.Tests.Chips
{
    /// <summary>
    /// The emulator plays every database part (its id command and id, its size) and flashrom, given no -c, probes
    /// it through the serprog TCP server: flashrom must name that part, or a part with the same id and size; a part
    /// added after flashrom 1.3 (<see cref="LaterParts"/>) it may instead call its generic "unknown VENDOR SPI chip" (or
    /// its "SFDP-capable chip" of the part's size). Parts with SFDP serve the tables their entry gives.
    /// </summary>
    [TestClass]
    public sealed partial class FlashromProbeSweepTests
    {
        /// <summary>flashrom probes run side by side, each against its own in-process server.</summary>
        private const int ProbesAtOnce = 3;

        /// <summary>
        /// Probes that <see cref="Flashrom.Run"/> made again after flashrom's programmer set-up failed, over the whole
        /// sweep: three probes at once on a loaded machine is where a late SYNCNOP answer met flashrom's handshake (once
        /// in CI). A set-up that fails again, or for more parts than this, fails the test.
        /// </summary>
        private const int SetUpRetriesAllowed = 5;

        public TestContext TestContext { get; set; } = null!;

        [TestMethod]
        public void Flashrom_without_c_names_every_database_part_the_emulator_plays()
        {
            _ = new Flashrom("serprog:ip=127.0.0.1:1"); // a missing flashrom ends the test here: not run, or failed in CI
            IReadOnlySet<ChipDefinition> later = LaterParts.NotListedByFlashrom();
            var problems = new ConcurrentBag<string>();
            int exact = 0;
            int sameId = 0;
            int unknown = 0;
            var retried = new ConcurrentBag<string>();
            Parallel.ForEach(ChipDatabase.Default.Chips, new ParallelOptions { MaxDegreeOfParallelism = ProbesAtOnce }, chip =>
            {
                using var served = new ServedChip(SpiNorModels.FromDatabase(chip));
                ToolResult probe = new Flashrom($"serprog:ip={served.Endpoint}", TimeSpan.FromMinutes(2)).Probe();
                if (probe.Output.StartsWith(Flashrom.RunAgainAfterSetUpFailed, StringComparison.Ordinal))
                {
                    retried.Add(chip.Name);
                }

                IReadOnlyList<(string Name, long Size)> found = Found(probe.Output);
                switch (Judge(chip, found, later.Contains(chip)))
                {
                    case Naming.UnknownToFlashrom:
                        Interlocked.Increment(ref unknown);
                        break;
                    case Naming.Exact:
                        Interlocked.Increment(ref exact);
                        break;
                    case Naming.SameId:
                        Interlocked.Increment(ref sameId);
                        break;
                    default:
                        problems.Add($"{chip.Name} ({chip.JedecId}, {chip.Size / 1024} kB): flashrom found "
                            + (found.Count == 0 ? "nothing (exit " + probe.ExitCode + ": " + string.Join(" | ", probe.Output.Trim().Split('\n').TakeLast(3)) + ")" : string.Join(", ", found.Select(f => $"\"{f.Name}\" ({f.Size / 1024} kB)"))));
                        break;
                }
            });

            TestContext.WriteLine(
                $"{ChipDatabase.Default.Chips.Count} parts probed ({later.Count} not in flashrom -L): {exact} named by flashrom, {sameId} named as a part with the same id and size, "
                + $"{unknown} later parts called a generic unknown chip, {problems.Count} not; flashrom run again after a failed set-up for "
                + (retried.IsEmpty ? "none" : string.Join(", ", retried)));
            Assert.IsEmpty(problems, string.Join("\n", problems.OrderBy(p => p, StringComparer.Ordinal)));
            Assert.IsLessThanOrEqualTo(SetUpRetriesAllowed, retried.Count, "probes whose flashrom set-up failed once: " + string.Join(", ", retried));
        }

        private enum Naming
        {
            Missed,
            UnknownToFlashrom,
            SameId,
            Exact,
        }

        /// <summary>
        /// The part itself among flashrom's finds, or else a part of the same size with the same id: the same answer to
        /// the same id command, or the same first three RDID bytes (flashrom 1.3 never reaches its S25FS128S and
        /// S25FL256S entries, told apart by RDID bytes 4 and 5, once the plain S25FL128 ones match). A later part whose id
        /// flashrom 1.3 lacks may be only its vendor's (or the generic) "unknown ... SPI chip" of no size, or, read from its
        /// SFDP tables, the "SFDP-capable chip" of its size: never another part.
        /// </summary>
        private static Naming Judge(ChipDefinition chip, IReadOnlyList<(string Name, long Size)> found, bool laterPart)
        {
            var entries = found.Where(f => f.Size == chip.Size).Select(f => ChipDatabase.Default.FindByName(f.Name)).OfType<ChipDefinition>().ToList();
            if (entries.Contains(chip))
            {
                return Naming.Exact;
            }

            if (entries.Any(entry => (entry.IdCommand == chip.IdCommand && entry.IdBytes.SequenceEqual(chip.IdBytes)) || (ByRdid(entry) && ByRdid(chip) && entry.IdBytes.Take(3).SequenceEqual(chip.IdBytes.Take(3)))))
            {
                return Naming.SameId;
            }

            return laterPart && found.Count > 0 && found.All(f => (f.Size == 0 && f.Name.StartsWith("unknown ", StringComparison.Ordinal)) || (f.Name == "SFDP-capable chip" && f.Size == chip.Size))
                ? Naming.UnknownToFlashrom
                : Naming.Missed;
        }

        private static bool ByRdid(ChipDefinition chip) => chip.IdCommand is ChipIdCommand.Rdid or ChipIdCommand.BigSpansion;

        /// <summary>flashrom's "Found VENDOR flash chip "NAME" (SIZE kB, SPI)" lines: one per definition that matched.</summary>
        private static IReadOnlyList<(string Name, long Size)> Found(string output)
        {
            return FoundLine().Matches(output)
                .Select(match => (match.Groups["name"].Value, long.Parse(match.Groups["size"].Value, CultureInfo.InvariantCulture) * 1024))
                .ToList();
        }

        [GeneratedRegex("Found .+? flash chip \"(?<name>[^\"]+)\" \\((?<size>\\d+) kB, SPI\\)")]
        private static partial Regex FoundLine();
    }
}
