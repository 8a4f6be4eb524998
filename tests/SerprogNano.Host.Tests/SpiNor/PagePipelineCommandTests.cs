using SerprogNano.Emulator.Chip;
using SerprogNano.Chips;
using SerprogNano.Host.Serprog;
using SerprogNano.Host.Spi;
using SerprogNano.Host.SpiNor;
using SerprogNano.Host.Tests.Doubles;
using SerprogNano.Protocol;

namespace SerprogNano.Host.Tests.SpiNor
{
    /// <summary>Commands per page: they cost a pause each on firmwares that sleep after every command.</summary>
    [TestClass]
    public sealed class PagePipelineCommandTests
    {
        [TestMethod]
        public void Once_the_padding_is_gone_a_page_costs_three_commands_not_four()
        {
            var chip = new EmulatedSpiNor(SpiNorModels.W25Q32FV);
            MonitoringTransport link = Rig.Monitor(Rig.Emulator(chip));
            using SerprogClient client = SerprogClient.Connect(link);
            var master = new SerprogSpiMaster(client);
            Assert.IsTrue(master.SendsAhead);
            SpiNorFlash flash = new SpiNorFlash(master, ChipProber.Probe(master, ChipDatabase.Default, FlashRig.ForcedNameFor(SpiNorModels.W25Q32FV)).Chip, SerprogDeviceSide.Of(client));
            const int pages = 4096;
            byte[] data = FlashRig.RandomImage(pages * 256, 9);
            int before = link.OpcodesSent.Count;

            flash.Program(0, data);

            int commands = link.OpcodesSent.Count - before;
            Assert.IsLessThan(4 * pages, commands, "no second, identical status read per page once the padding is 0");
            CollectionAssert.AreEqual(data, chip.Snapshot()[..data.Length]);
        }
    }
}
