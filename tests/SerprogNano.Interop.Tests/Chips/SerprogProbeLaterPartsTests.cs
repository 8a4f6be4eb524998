using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using SerprogNano.Chips;
using SerprogNano.Emulator.Chip;

namespace SerprogNano.Interop.Tests.Chips
{
    /// <summary>
    /// The parts added after flashrom 1.3, which the flashrom sweep cannot check: the emulator plays each and `serprog probe`
    /// identifies it, in this one process. Without -c it names the part (alone, merged with the entries sharing its id, or
    /// among those it asks to choose from with -c), or for a part with no JEDEC id of its own, reports the id it does answer;
    /// with -c it takes the part as named.
    /// </summary>
    [TestClass]
    public sealed class SerprogProbeLaterPartsTests
    {
        private const int ProbesAtOnce = 3;

        public TestContext TestContext { get; set; } = null!;

        [TestMethod]
        public void Serprog_probe_identifies_every_part_flashrom_1_3_does_not_list()
        {
            IReadOnlySet<ChipDefinition> later = LaterParts.NotListedByFlashrom();
            Assert.IsGreaterThan(100, later.Count, "the later parts of flashrom and flashprog are in the database");
            var problems = new ConcurrentBag<string>();
            Parallel.ForEach(later, new ParallelOptions { MaxDegreeOfParallelism = ProbesAtOnce }, chip =>
            {
                using var served = new ServedChip(SpiNorModels.FromDatabase(chip));
                string programmer = "serprog:ip=" + served.Endpoint;
                SerprogCli probe = SerprogCli.Run("probe", "-p", programmer);
                if (!Identifies(probe.Output + probe.Error, chip))
                {
                    problems.Add($"{chip.Name} ({chip.JedecId}): serprog probe says {probe}");
                }

                SerprogCli named = SerprogCli.Run("probe", "-c", chip.Name, "-p", programmer);
                if (named.ExitCode != 0 || !named.Output.Contains($"Chip: {chip.Vendor} {chip.Name} ({chip.JedecId}, ", StringComparison.Ordinal))
                {
                    problems.Add($"{chip.Name}: serprog probe -c says {named}");
                }
            });

            TestContext.WriteLine($"{later.Count} later parts probed by serprog, {problems.Count} not identified.");
            Assert.IsEmpty(problems, string.Join("\n", problems.OrderBy(p => p, StringComparer.Ordinal)));
        }

        /// <summary>
        /// The part's name in what probe printed, or for a part flashrom probes by another command than RDID the answer it
        /// reports (an S25FS-S part by the three RDID bytes it shares with its S25FL-S twin).
        /// </summary>
        private static bool Identifies(string text, ChipDefinition chip)
        {
            if (text.Contains(chip.Name, StringComparison.Ordinal))
            {
                return true;
            }

            string answer = chip.IdCommand == ChipIdCommand.BigSpansion ? string.Join(" ", chip.JedecId.Split(' ').Skip(1).Take(3)) : chip.JedecId;
            return chip.IdCommand != ChipIdCommand.Rdid && text.Contains(answer, StringComparison.Ordinal);
        }
    }
}
