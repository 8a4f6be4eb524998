using System;
using SerprogNano.Host.Serprog.Compatibility;
using SerprogNano.Host.Serprog.Transports;

namespace SerprogNano.Host.Serprog
{
    /// <summary>How <see cref="SerprogClient.Connect"/> starts a programmer.</summary>
    public sealed class SerprogClientOptions
    {
        /// <summary>Serial buffer assumed when the device lacks Q_SERBUF: small enough for any serprog firmware.</summary>
        public const int SafeSerialBufferSize = 16;

        /// <summary>Longest silence on the link while a reply is due.</summary>
        public TimeSpan ReplyTimeout { get; set; } = IByteTransport.DefaultReadTimeout;

        /// <summary>How long each SYNCNOP waits for its NAK and ACK.</summary>
        public TimeSpan SyncTimeout { get; set; } = TimeSpan.FromMilliseconds(600);

        /// <summary>SYNCNOPs sent before giving up; a device mid-frame drops it after its own frame time-out.</summary>
        public int SyncAttempts { get; set; } = 8;

        /// <summary>S_SPI_FREQ to ask for (the spispeed= of flashprog), or null to leave the device's default.</summary>
        public uint? SpiFrequency { get; set; }

        /// <summary>The compatibility table that decides how a firmware is driven.</summary>
        public FirmwareProfiles Firmwares { get; set; } = FirmwareProfiles.Default;

        /// <summary>
        /// The line rate to move to after the start-up (O_NANO_SET_BAUD), or null to stay at the rate the link was opened
        /// at. When the programmer or the link cannot, the session stays at the old rate and says so in its warnings.
        /// </summary>
        public int? BaudRate { get; set; }

        /// <summary>S_SPI_CS to choose (the cs= of flashprog), or null to leave the device's default.</summary>
        public byte? ChipSelect { get; set; }
    }
}
