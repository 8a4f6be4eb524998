using System;
using System.Collections.Concurrent;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using SerprogNano.Chips;
using SerprogNano.Emulator.Chip;

namespace SerprogNano.Interop.Tests.Chips
{
    /// <summary>
    /// Every database part whose entry says it serves SFDP, played from its entry: `serprog info` reads the tables back
    /// and they agree with the entry (size, page, the first four erase types with their opcodes), in this one process.
    /// </summary>
    [TestClass]
    public sealed class SerprogSfdpReadBackTests
    {
        private const int ReadsAtOnce = 3;

        public TestContext TestContext { get; set; } = null!;

        [TestMethod]
        public void Serprog_info_reads_back_the_sfdp_tables_of_every_part_that_has_them_as_its_entry_gives_them()
        {
            ChipDefinition[] parts = ChipDatabase.Default.Chips.Where(chip => chip.HasSfdp).ToArray();
            Assert.IsGreaterThan(50, parts.Length, "the entries flashrom's tables mark as supporting SFDP say so");
            var problems = new ConcurrentBag<string>();
            Parallel.ForEach(parts, new ParallelOptions { MaxDegreeOfParallelism = ReadsAtOnce }, chip =>
            {
                using var served = new ServedChip(SpiNorModels.FromDatabase(chip));
                SerprogCli info = SerprogCli.Run("info", "--json", "-c", chip.Name, "-p", "serprog:ip=" + served.Endpoint);
                string? json = info.Output.Split('\n').LastOrDefault(line => line.StartsWith('{'));
                if (json == null)
                {
                    problems.Add($"{chip.Name}: no JSON from serprog info: {info}");
                    return;
                }

                using JsonDocument document = JsonDocument.Parse(json);
                if (!document.RootElement.TryGetProperty("sfdp", out JsonElement sfdp) || sfdp.ValueKind != JsonValueKind.Object)
                {
                    problems.Add($"{chip.Name}: serprog info reads no SFDP: {json}");
                    return;
                }

                string read = $"{sfdp.GetProperty("size").GetInt64()} bytes, page {sfdp.GetProperty("pageSize").GetInt32()}, erase "
                    + string.Join(" ", sfdp.GetProperty("eraseTypes").EnumerateArray().Select(erase => erase.GetProperty("size").GetInt32() + ":" + erase.GetProperty("opcode").GetString()));
                string entry = $"{chip.Size} bytes, page {chip.PageSize}, erase "
                    + string.Join(" ", chip.EraseBlocks.Take(4).Select(block => block.Size + ":0x" + block.Opcode.ToString("X2", CultureInfo.InvariantCulture)));
                if (read != entry)
                {
                    problems.Add($"{chip.Name}: SFDP says {read}, the entry {entry}");
                }
            });

            TestContext.WriteLine($"{parts.Length} parts with SFDP read back by serprog info, {problems.Count} disagreeing with their entry.");
            Assert.IsEmpty(problems, string.Join("\n", problems.OrderBy(p => p, StringComparer.Ordinal)));
        }
    }
}
