using System.Linq;
using System.Text.Json.Nodes;
using SerprogNano.Host.SpiNor;

namespace SerprogNano.Programmers.Tests
{
    /// <summary>What a front end other than the CLI does: a -p string in, a described programmer and a flash out.</summary>
    [TestClass]
    public sealed class ProgrammerSessionTests
    {
        [TestMethod]
        public void A_programmer_string_opens_a_session_that_probes_and_builds_the_flash()
        {
            using ProgrammerSession session = ProgrammerSession.Open("emulator:W25Q32FV");

            ProbeResult probe = session.Probe();
            SpiNorFlash flash = session.Flash(probe.Chip);
            flash.Program(0x1000, new byte[] { 1, 2, 3 });
            var back = new byte[4];
            flash.Read(0x1000, back);

            StringAssert.Contains(probe.Chip.Name, "W25Q32FV");
            Assert.AreEqual(4L << 20, probe.Chip.Size);
            CollectionAssert.AreEqual(new byte[] { 1, 2, 3, 0xFF }, back);
        }

        [TestMethod]
        public void A_serprog_programmer_describes_its_link_limits_and_commands()
        {
            using ProgrammerSession session = ProgrammerSession.Open("emulator:W25Q32FV,baud=2000000");

            ProgrammerDescription description = session.Describe();

            StringAssert.Contains(description.Headline, "on emulator (W25Q32FV, ");
            Assert.HasCount(2, description.Details);
            StringAssert.StartsWith(description.Details[0], "  serial buffer ");
            StringAssert.StartsWith(description.Details[1], "  profile ");
            Assert.AreEqual(session.Client!.ProgrammerName, (string?)description.Fields["name"]);
            StringAssert.StartsWith(description.Inventory[0].Text, "  serprog interface 1");
            StringAssert.StartsWith(description.Inventory[^1].Text, "  commands: ");
            Assert.AreEqual(2, description.Inventory.Count(fact => fact.IsDetail));
            Assert.AreEqual(session.Master.MaxReadLength, (int?)description.InventoryFields["maxReadLength"]);
            CollectionAssert.Contains(((JsonArray)description.InventoryFields["commands"]!).Select(name => (string?)name).ToList(), "O_SPIOP");
        }
    }
}
