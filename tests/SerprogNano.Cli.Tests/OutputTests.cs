using System.IO;
using SerprogNano.Cli.Output;
using SerprogNano.Host.Operations;

namespace SerprogNano.Cli.Tests
{
    [TestClass]
    public sealed class OutputTests
    {
        [TestMethod]
        [DataRow("4096", 4096L)]
        [DataRow("64K", 65536L)]
        [DataRow("64k", 65536L)]
        [DataRow("8M", 8388608L)]
        public void Sizes_parse_in_binary_units(string text, long bytes)
        {
            Assert.IsTrue(ByteUnits.TryParseSize(text, out long parsed));
            Assert.AreEqual(bytes, parsed);
        }

        [TestMethod]
        [DataRow("")]
        [DataRow("0")]
        [DataRow("8G")]
        [DataRow("-1")]
        [DataRow("lots")]
        public void Nonsense_sizes_do_not_parse(string text)
        {
            Assert.IsFalse(ByteUnits.TryParseSize(text, out _));
        }

        [TestMethod]
        public void Plain_progress_ends_each_phase_with_its_size_and_time_and_skips_empty_phases()
        {
            var writer = new StringWriter();
            var lines = new PlainProgressLines(writer);
            lines.Report(new OperationProgress("read", 0, 1 << 20));
            lines.Report(new OperationProgress("read", 1 << 20, 1 << 20));
            lines.Report(new OperationProgress("erase", 0, 0));
            lines.Report(new OperationProgress("program", 0, 4096));
            lines.Report(new OperationProgress("program", 4096, 4096));
            string text = writer.ToString();
            StringAssert.Contains(text, "read: 1.0 MiB in ");
            StringAssert.Contains(text, "program: 4.0 KiB in ");
            Assert.DoesNotContain("erase", text);
        }
    }
}
