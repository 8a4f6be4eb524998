using System;
using SerprogNano.Emulator.Chip;
using SerprogNano.Programmers.Emulator;

namespace SerprogNano.Programmers.Tests
{
    /// <summary>The one reading of the emulator's settings behind -p emulator:... and serprog emulate.</summary>
    [TestClass]
    public sealed class EmulatorSettingsTests
    {
        [TestMethod]
        public void Nothing_given_is_the_default_chip_on_an_instant_link_with_the_extensions()
        {
            EmulatorSettings settings = EmulatorSettings.Of(null, null, 0, null, busyTimes: false, extensions: true, imagePath: null);

            Assert.AreSame(SpiNorModels.Default, settings.Chip);
            Assert.IsNull(settings.Link);
            Assert.IsTrue(settings.Extensions);
        }

        [TestMethod]
        [DataRow(2_000_000L, 0L, null, "packets", DisplayName = "a rate")]
        [DataRow(0L, 500L, null, "packets", DisplayName = "a latency")]
        [DataRow(0L, 0L, "bursty", "bursty", DisplayName = "a shape alone")]
        public void A_rate_a_latency_or_a_shape_models_a_link(long baud, long latency, string? shape, string expectedShape)
        {
            EmulatorSettings settings = EmulatorSettings.Of(SpiNorModels.W25Q32FV, baud, latency, shape, busyTimes: true, extensions: false, imagePath: null);

            Assert.IsNotNull(settings.Link);
            Assert.AreEqual(baud, settings.Link.BaudRate);
            Assert.AreEqual(latency, settings.Link.LatencyMicroseconds);
            Assert.AreEqual(expectedShape, settings.Link.Shape);
        }

        [TestMethod]
        public void A_part_the_emulator_lacks_is_refused_with_the_parts_it_has()
        {
            var e = Assert.ThrowsExactly<FormatException>(() => EmulatorSettings.FindChip("W99X1"));

            StringAssert.StartsWith(e.Message, "The emulator has no part called 'W99X1'. Choose one of: ");
            StringAssert.Contains(e.Message, SpiNorModels.Default.Name);
        }

        [TestMethod]
        public void A_link_shape_that_is_none_is_refused()
        {
            var e = Assert.ThrowsExactly<FormatException>(() => EmulatorSettings.Of(null, 9600, null, "slow", busyTimes: false, extensions: true, imagePath: null));

            StringAssert.Contains(e.Message, "packets or bursty");
        }
    }
}
