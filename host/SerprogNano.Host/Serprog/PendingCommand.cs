using System;

namespace SerprogNano.Host.Serprog
{
    /// <summary>Reads exactly as many reply bytes as <paramref name="destination"/> holds, with the link's time-out.</summary>
    internal delegate void ReplyBytes(Span<byte> destination);

    /// <summary>Takes a reply whose length only its own bytes tell (after the ACK), reading it through <paramref name="read"/>.</summary>
    internal delegate void ReplyReader(ReplyBytes read);

    /// <summary>A command sent and not yet answered: what its reply looks like and where it goes.</summary>
    internal sealed class PendingCommand
    {
        public PendingCommand(byte opcode, string? label, int wireLength, int replyLength, Memory<byte> destination, ReplyReader? reader = null)
        {
            Opcode = opcode;
            Label = label;
            WireLength = wireLength;
            ReplyLength = replyLength;
            Destination = destination;
            Reader = reader;
        }

        /// <summary>Where set, takes the whole reply after the ACK instead of <see cref="ReplyLength"/> and <see cref="Destination"/>.</summary>
        public ReplyReader? Reader { get; }

        public byte Opcode { get; }

        public string? Label { get; }

        /// <summary>Bytes the command took on the wire, which the device's serial buffer held until it answered.</summary>
        public int WireLength { get; }

        /// <summary>Bytes after the ACK.</summary>
        public int ReplyLength { get; }

        /// <summary>Where the reply's payload goes; empty to drop it.</summary>
        public Memory<byte> Destination { get; }

        public string Describe() => Describe(Opcode, Label);

        public static string Describe(byte opcode, string? label)
        {
            string name = Protocol.SerprogCommandTable.NameOf(opcode);
            return label == null ? name : name + " (" + label + ")";
        }
    }
}
