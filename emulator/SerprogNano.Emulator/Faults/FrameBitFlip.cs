using System;
using SerprogNano.Protocol;

namespace SerprogNano.Emulator.Faults
{
    /// <summary>
    /// One bit a noisy cable inverts in one chosen frame: bit <see cref="Bit"/> of byte <see cref="ByteIndex"/> of the
    /// <see cref="Occurrence"/>th command with serprog opcode <see cref="Opcode"/> (to the device), or of its reply (to the host).
    /// With <see cref="SpiOpcode"/> only frames carrying that SPI instruction count (O_SPIOP, O_NANO_SPIOP_WAIT, and
    /// O_NANO_SPIOP_WAIT_RUN by the first operation of its run), and
    /// bytes count from the instruction (command: 0 is the SPI opcode, 1.. its address) or from the first reply byte
    /// after ACK; without, from the serprog opcode or from the ACK.
    /// </summary>
    public sealed record FrameBitFlip
    {
        /// <param name="opcode">The serprog opcode of the frames counted; null with <paramref name="spiOpcode"/>: any frame carrying an SPI operation.</param>
        /// <param name="spiOpcode">The SPI instruction the frames must carry, or null for any frame with <paramref name="opcode"/>.</param>
        /// <param name="occurrence">Which matching frame, from 1.</param>
        /// <param name="byteIndex">Which byte, from 0 (see the type).</param>
        /// <param name="bit">Which bit of it, 0 (LSB) to 7.</param>
        /// <param name="direction"><see cref="LinkFaultDirection.ToDevice"/>: the command; <see cref="LinkFaultDirection.ToHost"/>: its reply.</param>
        public FrameBitFlip(int? opcode, int? spiOpcode, int occurrence, int byteIndex, int bit, LinkFaultDirection direction)
        {
            if (opcode == null && spiOpcode == null)
            {
                throw new ArgumentException("Name a serprog opcode, an SPI opcode, or both.", nameof(opcode));
            }

            if (opcode is int serprog && !SerprogCommandTable.IsDefined(serprog))
            {
                throw new ArgumentOutOfRangeException(nameof(opcode), opcode, "Not a serprog or SerprogNano opcode.");
            }

            if (spiOpcode != null && opcode is int carrier && !CarriesSpi(carrier))
            {
                throw new ArgumentException(SerprogCommandTable.NameOf(carrier) + " carries no SPI operation; use O_SPIOP (0x13), O_NANO_SPIOP_WAIT (0x80) or O_NANO_SPIOP_WAIT_RUN (0x82), or no opcode.", nameof(spiOpcode));
            }

            ArgumentOutOfRangeException.ThrowIfLessThan(occurrence, 1);
            ArgumentOutOfRangeException.ThrowIfNegative(byteIndex);
            ArgumentOutOfRangeException.ThrowIfNegative(bit);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(bit, 7);
            if (direction is not (LinkFaultDirection.ToDevice or LinkFaultDirection.ToHost))
            {
                throw new ArgumentOutOfRangeException(nameof(direction), direction, "A frame flip goes one way: to the device (the command) or to the host (its reply).");
            }

            Opcode = opcode;
            SpiOpcode = spiOpcode;
            Occurrence = occurrence;
            ByteIndex = byteIndex;
            Bit = bit;
            Direction = direction;
        }

        public int? Opcode { get; }

        public int? SpiOpcode { get; }

        public int Occurrence { get; }

        public int ByteIndex { get; }

        public int Bit { get; }

        public LinkFaultDirection Direction { get; }

        /// <summary>
        /// Strikes the <see cref="Occurrence"/>th matching frame and every one after it, not once: a firmware bug that comes
        /// with the framing (a reply byte wrong at the same place in every reply), which reads framed alike repeat.
        /// </summary>
        public bool Repeats { get; init; }

        /// <summary>Whether frames with this serprog opcode carry an SPI operation in their data.</summary>
        public static bool CarriesSpi(int opcode) =>
            opcode == SerprogOpcode.SpiOperation || opcode == SerprogNanoOpcode.SpiOperationWait || opcode == SerprogNanoOpcode.SpiOperationWaitRun;

        /// <summary>
        /// Whether this flip counts a frame seen at its opcode (<paramref name="spi"/> null) or, for flips that name an SPI
        /// instruction, at the first byte of its SPI operation (<paramref name="spi"/> that byte).
        /// </summary>
        internal bool Matches(int opcode, int? spi)
        {
            return SpiOpcode == null ? spi == null && Opcode == opcode : spi == SpiOpcode && (Opcode == null || Opcode == opcode);
        }

        /// <summary>For the start-up lines of the emulator.</summary>
        public override string ToString()
        {
            string frame = (Opcode is int op ? SerprogCommandTable.NameOf(op) : "SPI operation") + (SpiOpcode is int spi ? " carrying SPI 0x" + spi.ToString("X2") : "");
            string where = SpiOpcode == null
                ? (Direction == LinkFaultDirection.ToHost ? "byte " + ByteIndex + " of the reply (0 = ACK)" : "byte " + ByteIndex + " (0 = opcode)")
                : (Direction == LinkFaultDirection.ToHost ? "reply byte " + ByteIndex + " after ACK" : "byte " + ByteIndex + " of the SPI operation (0 = its opcode)");
            return "flip bit " + Bit + " of " + where + (Direction == LinkFaultDirection.ToHost ? " to the host, answering" : " to the device, in") + " the " + Ordinal(Occurrence) + (Repeats ? " and every later" : "") + " " + frame;
        }

        private static string Ordinal(int n)
        {
            string suffix = (n % 100) is 11 or 12 or 13 ? "th" : (n % 10) switch { 1 => "st", 2 => "nd", 3 => "rd", _ => "th" };
            return n + suffix;
        }
    }
}
