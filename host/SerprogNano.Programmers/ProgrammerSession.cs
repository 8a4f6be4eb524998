using System;
using System.Collections.Generic;
using SerprogNano.Chips;
using SerprogNano.Host.Serprog;
using SerprogNano.Host.Spi;
using SerprogNano.Host.SpiNor;
using SerprogNano.Spidev;

namespace SerprogNano.Programmers
{
    /// <summary>
    /// An opened programmer, whatever its kind: it describes itself, probes the chip on its bus and builds the
    /// <see cref="SpiNorFlash"/> every operation works on. Each kind (a folder beside this file) derives its own;
    /// a front end opens one with a -p string and needs to know no kind.
    /// </summary>
    public abstract class ProgrammerSession : IDisposable
    {
        protected ProgrammerSession(ISpiMaster master, IReadOnlyList<string> warnings)
        {
            ArgumentNullException.ThrowIfNull(master);
            Master = master;
            Warnings = warnings;
        }

        public ISpiMaster Master { get; }

        /// <summary>What the user should know before going on (limits the programmer lowered, the guide's advice).</summary>
        public IReadOnlyList<string> Warnings { get; }

        /// <summary>The link's byte rate when the programmer entry knows it (a modeled UART's baud/10), for throughput against the link's limit.</summary>
        public double? LinkBytesPerSecond { get; init; }

        /// <summary>The chip holds nothing worth keeping (a fresh emulated chip), so measuring a write needs no consent.</summary>
        public bool ScratchChip { get; init; }

        /// <summary>The serprog client, for what only serprog can do (its round trips); null for a kind that speaks no serprog.</summary>
        public virtual SerprogClient? Client => null;

        /// <summary>Flash work the programmer does on its side of the link, or null where it offers none.</summary>
        protected virtual IDeviceSideOperations? DeviceSide => null;

        /// <summary>Advice to add when the chip answers nothing (a board's wiring hint), or null.</summary>
        protected virtual string? BlankIdAdvice => null;

        /// <summary>Parses <paramref name="programmer"/> (any -p form) and opens it with its own settings.</summary>
        public static ProgrammerSession Open(string programmer) => Open(ProgrammerSpec.Parse(programmer));

        /// <summary>Opens the programmer <paramref name="spec"/> names and runs its start-up (serprog's handshake, spidev's open).</summary>
        /// <param name="spiSpeedHz">An SPI clock that replaces the spec's spispeed=.</param>
        /// <param name="spidev">Where linux_spi finds its device and the kernel's files; the local system if null.</param>
        /// <param name="baudRate">The line rate to move a serprog link to after its start-up (O_NANO_SET_BAUD).</param>
        public static ProgrammerSession Open(ProgrammerSpec spec, uint? spiSpeedHz = null, SpidevSystem? spidev = null, int? baudRate = null)
        {
            ArgumentNullException.ThrowIfNull(spec);
            return spec.Open(new ProgrammerEnvironment(spiSpeedHz ?? spec.SpiSpeedHz, spidev ?? SpidevSystem.Local, baudRate));
        }

        /// <summary>What the programmer says about itself; fresh objects on each call.</summary>
        public abstract ProgrammerDescription Describe();

        /// <summary>Identifies the chip, or takes <paramref name="chipName"/> (-c) as given; a silent bus gets the programmer's wiring advice.</summary>
        public ProbeResult Probe(string? chipName = null)
        {
            try
            {
                return ChipProber.Probe(Master, ChipDatabase.Default, chipName);
            }
            catch (NoChipAnswerException silent) when (BlankIdAdvice is string advice)
            {
                throw new SpiNorException("probe", null, silent.Message + " " + advice, silent);
            }
        }

        /// <summary>The flash operations on <paramref name="chip"/> through this programmer.</summary>
        public SpiNorFlash Flash(ChipDefinition chip) => new(Master, chip, DeviceSide);

        /// <summary>Closes the link or the device node.</summary>
        public abstract void Dispose();
    }
}
