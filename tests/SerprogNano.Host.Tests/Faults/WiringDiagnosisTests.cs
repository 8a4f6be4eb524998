using System.Linq;
using SerprogNano.Chips;
using SerprogNano.Host.Remedies;
using SerprogNano.Host.Serprog;
using SerprogNano.Host.Spi;
using SerprogNano.Host.SpiNor;
using SerprogNano.Host.Tests.Doubles;

namespace SerprogNano.Host.Tests.Faults
{
    [TestClass]
    public sealed class WiringDiagnosisTests
    {
        [TestMethod]
        public void Ids_that_differ_between_two_reads_are_blamed_on_the_contact_with_the_next_step()
        {
            using SerprogClient client = Rig.Connect(Rig.Emulator(new FlakyIdChip()));

            var failure = Assert.ThrowsExactly<SpiNorException>(() => ChipProber.Probe(new SerprogSpiMaster(client), ChipDatabase.Default));

            StringAssert.Contains(failure.Message, "EF4016");
            StringAssert.Contains(failure.Message, "EF4017");
            StringAssert.Contains(failure.Message, "unreliable");
            StringAssert.Contains(failure.Message, "clip's seating");
            CollectionAssert.Contains(failure.Remedies.ToList(), Remedy.LowerSpiSpeed);
        }
    }
}
