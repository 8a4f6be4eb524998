using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using SerprogNano.Emulator;
using SerprogNano.Emulator.Chip;
using SerprogNano.Emulator.Links;
using SerprogNano.Host.LinuxSpi;
using SerprogNano.Host.Serprog;
using SerprogNano.Host.Transports;

namespace SerprogNano.Host.Programmers
{
    /// <summary>Opens the programmer a <see cref="ProgrammerSpec"/> names and runs serprog's start-up on it.</summary>
    public static class ProgrammerConnector
    {
        /// <param name="spiSpeedHz">An SPI clock that replaces the spec's spispeed= (the CLI's --spispeed).</param>
        /// <param name="spidev">Where linux_spi finds its device and the kernel's files; the local system if null.</param>
        public static ProgrammerConnection Connect(ProgrammerSpec spec, uint? spiSpeedHz = null, SpidevSystem? spidev = null)
        {
            ArgumentNullException.ThrowIfNull(spec);
            var options = new SerprogClientOptions
            {
                SpiFrequency = spiSpeedHz ?? spec.SpiSpeedHz,
                ChipSelect = spec.ChipSelect,
            };

            switch (spec)
            {
                case SerialProgrammerSpec serial:
                    var port = new SerialPortTransport(serial.DevicePath, serial.BaudRate ?? SerialPortTransport.DefaultBaudRate);
                    return new ProgrammerConnection(SerprogClient.Connect(port, options), null, null);
                case TcpProgrammerSpec tcp:
                    return new ProgrammerConnection(SerprogClient.Connect(new TcpTransport(tcp.Host, tcp.Port), options), null, null);
                case EmulatorProgrammerSpec emulator:
                    return ConnectEmulator(emulator, options);
                case LinuxSpiProgrammerSpec linuxSpi:
                    return ConnectSpidev(linuxSpi, options.SpiFrequency ?? LinuxSpiProgrammerSpec.DefaultSpiSpeedHz, spidev ?? SpidevSystem.Local);
                default:
                    throw new ArgumentException("No way to open a " + spec.GetType().Name + ".", nameof(spec));
            }
        }

        /// <summary>A fresh emulator with the named chip, served on a background thread over a (modeled) in-process link.</summary>
        private static ProgrammerConnection ConnectEmulator(EmulatorProgrammerSpec spec, SerprogClientOptions options)
        {
            SpiNorModel model = SpiNorModels.Find(spec.ChipModel)
                ?? throw new ProgrammerStringException("The emulator has no part called '" + spec.ChipModel + "'. Choose one of: " + string.Join(", ", SpiNorModels.Names) + ".");
            var chip = new EmulatedSpiNor(model, new EmulatedSpiNorOptions { BusyTimes = spec.BusyTimes });
            if (spec.ImagePath != null)
            {
                LoadImage(chip, spec.ImagePath);
            }

            var emulator = new SerprogEmulator(chip);
            var transport = new EmulatorTransport(emulator, "emulator (" + model.Name + (spec.Link != null ? ", " + spec.Link : "") + ")", model: spec.Link);
            return new ProgrammerConnection(SerprogClient.Connect(transport, options), chip, spec.Link);
        }

        /// <summary>Opens the node and says what the guide would say about this board and clock.</summary>
        private static ProgrammerConnection ConnectSpidev(LinuxSpiProgrammerSpec spec, uint clockHz, SpidevSystem system)
        {
            LinuxSpiMaster master = LinuxSpiMaster.Open(system, spec.DevicePath, clockHz);
            var warnings = new List<string>();
            string? clockAdvice = BoardAdvice.ForClock(master.Board, clockHz);
            if (clockAdvice != null)
            {
                warnings.Add(clockAdvice);
            }

            return new ProgrammerConnection(master, warnings);
        }

        private static void LoadImage(EmulatedSpiNor chip, string path)
        {
            try
            {
                chip.LoadFile(path);
            }
            catch (InvalidDataException e)
            {
                throw new ProgrammerStringException("emulator image=" + path + ": " + e.Message);
            }
        }
    }
}
