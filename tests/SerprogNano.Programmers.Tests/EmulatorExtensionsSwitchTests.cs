namespace SerprogNano.Programmers.Tests
{
    /// <summary>-p emulator's extensions= switch: the same chip served as a SerprogNano device or as a plain serprog v1 one.</summary>
    [TestClass]
    public sealed class EmulatorExtensionsSwitchTests
    {
        [TestMethod]
        [DataRow("emulator:W25Q32FV", true, DisplayName = "offered by default")]
        [DataRow("emulator:W25Q32FV,extensions=on", true, DisplayName = "extensions=on")]
        [DataRow("emulator:W25Q32FV,extensions=off", false, DisplayName = "extensions=off: serprog v1 only")]
        public void The_emulator_offers_the_extensions_unless_told_not_to(string programmer, bool offered)
        {
            using ProgrammerSession connection = ProgrammerSession.Open(ProgrammerSpec.Parse(programmer));

            Assert.AreEqual(offered, connection.Client!.HasExtensions);
        }

        [TestMethod]
        public void A_switch_that_is_neither_on_nor_off_is_refused()
        {
            var e = Assert.ThrowsExactly<ProgrammerStringException>(() => ProgrammerSpec.Parse("emulator:W25Q32FV,extensions=maybe"));

            StringAssert.Contains(e.Message, "extensions= needs on or off");
        }
    }
}
