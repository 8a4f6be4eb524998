using System;
using SerprogNano.Emulator;
using SerprogNano.Emulator.Chip;
using SerprogNano.Engine.Hosting.Links;
using SerprogNano.Engine;
using SerprogNano.Esp32;
using SerprogNano.Firmware.Tests.Harness;

namespace SerprogNano.Firmware.Tests
{
    /// <summary>
    /// The engine's share of the firmware's fixed RAM, measured on .NET: one data buffer of the
    /// firmware's size and small fixed parts, all at construction (per-command allocation is checked
    /// by the bulk-call tests).
    /// </summary>
    [TestClass]
    public sealed class FixedRamTests
    {
        private const int SmallFixedParts = 1024;

        public TestContext TestContext { get; set; } = null!;

        [TestMethod]
        public void The_engine_allocates_its_data_buffer_and_little_else()
        {
            BoardProfile board = BoardProfiles.Esp32DevKitC();
            EngineSettings settings = FirmwareSettings.ForBoard(board);
            var link = new InProcessLink();
            var bus = new EmulatedSpiBus(new ISpiTarget[] { new PatternFlash() }, board.ClockSteps);

            long before = GC.GetAllocatedBytesForCurrentThread();
            var engine = new SerprogEngine(link.Device, bus, bus, bus, settings);
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

            string line = "engine construction allocated " + allocated + " bytes on .NET (data buffer " + settings.BufferSize + ")";
            TestContext.WriteLine(line);
            Console.WriteLine(line);
            Assert.IsFalse(engine.PinsDriven);
            Assert.IsGreaterThanOrEqualTo(settings.BufferSize, allocated);
            Assert.IsLessThanOrEqualTo(settings.BufferSize + SmallFixedParts, allocated);
        }
    }
}
