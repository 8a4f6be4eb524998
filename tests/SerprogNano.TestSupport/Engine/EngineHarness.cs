using System;
using SerprogNano.Protocol;

namespace SerprogNano.TestSupport
{
    /// <summary>What every <see cref="EngineHarness{TTarget}"/> shares: the reply time-out, frame headers and status checks.</summary>
    public static class EngineHarness
    {
        /// <summary>How long the host side waits for a reply: generous, for a loaded machine.</summary>
        public static readonly TimeSpan ReplyTimeout = TimeSpan.FromSeconds(10);

        /// <summary>O_SPIOP header: u24 slen, u24 rlen.</summary>
        public static byte[] SpiHeader(int writeLength, int readLength)
        {
            var header = new byte[1 + SerprogLimits.SpiOperationHeaderLength];
            header[0] = SerprogOpcode.SpiOperation;
            LittleEndian.WriteUInt24(header, 1, writeLength);
            LittleEndian.WriteUInt24(header, 4, readLength);
            return header;
        }

        public static void AssertAck(byte status) => Assert.AreEqual(SerprogReply.Ack, status, "expected ACK");

        public static void AssertNak(byte status) => Assert.AreEqual(SerprogReply.Nak, status, "expected NAK");
    }
}
