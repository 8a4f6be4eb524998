using System;
using SerprogNano.Chips;
using SerprogNano.Emulator.Chip;
using SerprogNano.Text;

namespace SerprogNano.Emulator.Faults
{
    /// <summary>
    /// Reads the chip faults of <c>serprog emulate --chip-fault</c>: <c>absent</c> (MISO floats high),
    /// <c>miso-low</c>, <c>stuck-busy</c>, <c>protected</c> (block-protect bits set),
    /// <c>flip-rate=R[,seed=S]</c> (read bit flips) and <c>failing-page=ADDR</c>.
    /// </summary>
    public static class ChipFaultText
    {
        public const string Syntax = "absent | miso-low | stuck-busy | protected | flip-rate=R[,seed=S] | failing-page=ADDR";

        private static readonly string[] Keys = { "absent", "miso-low", "stuck-busy", "protected", "flip-rate", "seed", "failing-page" };

        public static void Apply(string text, EmulatedSpiNor chip)
        {
            ArgumentNullException.ThrowIfNull(text);
            ArgumentNullException.ThrowIfNull(chip);
            var items = new KeyValueList("--chip-fault", text, Keys, "fault");
            if (items.Has("seed") && !items.Has("flip-rate"))
            {
                throw new FormatException("--chip-fault: seed= goes with flip-rate=, e.g. flip-rate=1e-6,seed=1.");
            }

            if (items.Flag("protected"))
            {
                SetBlockProtection(chip);
            }

            chip.Faults.Absent |= items.Flag("absent");
            chip.Faults.MisoShortedLow |= items.Flag("miso-low");
            chip.Faults.StuckBusy |= items.Flag("stuck-busy");
            if (items.Rate("flip-rate", 1.0) is double rate)
            {
                chip.Faults.SetReadBitFlips(rate, (int)(items.Whole("seed", 0, int.MaxValue) ?? 1));
            }

            if (items.Whole("failing-page", 0, chip.Model.Size - 1) is long address)
            {
                chip.Faults.FailingPageAddress = (int)address;
            }
        }

        /// <summary>Sets the protect bits as a board's firmware would: WREN (or EWSR) then WRSR.</summary>
        private static void SetBlockProtection(EmulatedSpiNor chip)
        {
            Send(chip, chip.Model.HasEnableWriteStatus ? SpiNorOpcodes.EnableWriteStatus : SpiNorOpcodes.WriteEnable);
            Send(chip, SpiNorOpcodes.WriteStatus, SpiNorStatusBits.BlockProtect0To2);
        }

        private static void Send(EmulatedSpiNor chip, params byte[] command)
        {
            chip.Select();
            chip.Exchange(command, new byte[command.Length]);
            chip.Deselect();
        }
    }
}
