using System;
using System.Threading;
using SerprogNano.Engine.Hosting.Board;
using SerprogNano.Emulator.Chip;
using SerprogNano.Emulator.Faults;
using SerprogNano.Engine.Hosting.Links;
using SerprogNano.Engine;

namespace SerprogNano.Emulator
{
    /// <summary>
    /// A serprog programmer on the PC: the firmware's engine on an emulated SPI bus with emulated chips.
    /// The chips outlive connections, as a chip on a clip outlives USB replugs; one connection is served at a time.
    /// </summary>
    public sealed class SerprogEmulator
    {
        private readonly object _serving = new();

        public SerprogEmulator(ISpiTarget chip, EngineSettings? settings = null)
            : this(new[] { chip }, settings)
        {
        }

        public SerprogEmulator(ISpiTarget[] chips, EngineSettings? settings = null)
        {
            Bus = new EmulatedSpiBus(chips);
            Settings = settings ?? new EngineSettings { ProgrammerName = "SerprogNano emu", SerialBufferSize = EngineSettings.ErasingSerialBufferSize };
        }

        public EmulatedSpiBus Bus { get; }

        public EngineSettings Settings { get; }

        /// <summary>
        /// Whether the engine offers the SerprogNano extensions (protocol/EXTENSIONS.md); off, it is a plain serprog v1
        /// device, as every other firmware is, so the host's v1 path can be measured against the same chip and link.
        /// </summary>
        public bool Extensions { get; init; } = true;

        /// <summary>Faults every link served from now on passes through, or null for healthy links.</summary>
        public LinkFaults? LinkFaults { get; set; }

        /// <summary>Runs a fresh engine on the link until the link closes (pins are released then).</summary>
        public void Serve(ISerialLink link)
        {
            lock (_serving)
            {
                ISerialLink served = LinkFaults is LinkFaults faults ? new FaultySerialLink(link, faults) : link;
                SerprogEngine engine = Extensions
                    ? new SerprogEngine(served, Bus, Bus, Bus, Settings, new SystemCrc32(), new SystemMillisecondClock())
                    : new SerprogEngine(served, Bus, Bus, Bus, Settings);
                engine.Run();
            }
        }

        /// <summary>Connects in-process: returns a new link whose device end is served on a background thread.</summary>
        /// <param name="model">A UART to model between host and engine; null for an instant link.</param>
        public InProcessLink OpenInProcess(TimeSpan? frameTimeout = null, LinkModel? model = null)
        {
            var link = new InProcessLink(frameTimeout, model: model);
            var thread = new Thread(() => Serve(link.Device)) { IsBackground = true, Name = "serprog emulator" };
            thread.Start();
            return link;
        }
    }
}
