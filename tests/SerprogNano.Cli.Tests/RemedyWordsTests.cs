using System;
using SerprogNano.Host.Layout;
using SerprogNano.Host.Remedies;
using SerprogNano.Host.SpiNor;

namespace SerprogNano.Cli.Tests
{
    /// <summary>The CLI words every remedy the library can carry, after the message and once each.</summary>
    [TestClass]
    public sealed class RemedyWordsTests
    {
        [TestMethod]
        public void Every_remedy_kind_has_words()
        {
            foreach (RemedyKind kind in Enum.GetValues<RemedyKind>())
            {
                Assert.IsFalse(string.IsNullOrWhiteSpace(RemedyWords.Of(new Remedy(kind, 1))), kind.ToString());
            }
        }

        [TestMethod]
        public void Remedies_follow_the_message_once_each_including_those_of_wrapped_failures()
        {
            var inner = new LayoutException("No FMAP.") { Remedies = new[] { Remedy.UseDescriptorOrLayoutFile } };
            var outer = new InvalidOperationException("Could not plan the write.", inner);
            var both = new SpiNorException("write", null, "No layout.", inner) { Remedies = new[] { Remedy.UseDescriptorOrLayoutFile, Remedy.LowerSpiSpeed } };

            Assert.AreEqual("Could not plan the write. Use --ifd or -l with a layout file.", RemedyWords.Message(outer));
            Assert.AreEqual("No layout. Use --ifd or -l with a layout file. Try a lower --spispeed.", RemedyWords.Message(both));
        }
    }
}
