using System;
using System.Collections.Generic;
using SerprogNano.Host.Serprog.Transports;
using SerprogNano.Protocol;

namespace SerprogNano.Host.Tests.Doubles
{
    /// <summary>
    /// Sits on a link and follows the serprog frames both ways: which opcodes the host sent, how many
    /// bytes were unanswered at worst, and (optionally) which commands Q_CMDMAP hides from the host.
    /// It can also stall the link, as a device that stops answering.
    /// </summary>
    internal sealed class MonitoringTransport : IByteTransport
    {
        private readonly IByteTransport _inner;
        private readonly Queue<(byte Opcode, int FrameLength, int ReplyLength)> _awaiting = new();
        private readonly List<byte> _frame = new();
        private readonly byte[] _hidden = new byte[SerprogLimits.CommandMapLength];
        private int _frameTotal = -1;
        private int _replyRead = -1;
        private int _replyTotal;

        public MonitoringTransport(IByteTransport inner, params byte[] hiddenOpcodes)
        {
            _inner = inner;
            foreach (byte opcode in hiddenOpcodes)
            {
                CommandMap.Set(_hidden, 0, opcode);
            }
        }

        public List<byte> OpcodesSent { get; } = new();

        /// <summary>Bytes that came back from the device: what a read costs on the link.</summary>
        public long BytesReceived { get; private set; }

        public int BytesInFlight { get; private set; }

        public int MaxBytesInFlight { get; private set; }

        /// <summary>While set, reads get nothing and time out, as from a device that hung.</summary>
        public bool Stalled { get; set; }

        public string Description => "monitored " + _inner.Description;

        public TimeSpan ReadTimeout
        {
            get => _inner.ReadTimeout;
            set => _inner.ReadTimeout = value;
        }

        public void Write(ReadOnlySpan<byte> data)
        {
            foreach (byte b in data)
            {
                FollowOutgoing(b);
            }

            BytesInFlight += data.Length;
            MaxBytesInFlight = Math.Max(MaxBytesInFlight, BytesInFlight);
            _inner.Write(data);
        }

        public int Read(Span<byte> buffer)
        {
            if (Stalled)
            {
                System.Threading.Thread.Sleep(ReadTimeout);
                throw new TransportTimeoutException("stalled by the test");
            }

            int read = _inner.Read(buffer);
            BytesReceived += read;
            for (int i = 0; i < read; i++)
            {
                buffer[i] = FollowIncoming(buffer[i]);
            }

            return read;
        }

        public void DiscardInput() => _inner.DiscardInput();

        public void Dispose() => _inner.Dispose();

        private void FollowOutgoing(byte b)
        {
            _frame.Add(b);
            if (_frame.Count == 1)
            {
                OpcodesSent.Add(b);
                _frameTotal = 1 + (SerprogCommandTable.IsDefined(b) ? SerprogCommandTable.ParameterLength(b) : 0);
            }

            if (_frame[0] == SerprogOpcode.SpiOperation && _frame.Count == 1 + SerprogLimits.SpiOperationHeaderLength)
            {
                var header = _frame.ToArray();
                _frameTotal += LittleEndian.ReadUInt24(header, 1);
            }

            if (_frame[0] == SerprogNanoOpcode.SpiOperationWait && _frame.Count == 1 + SerprogNanoExtensions.WaitParameterLength)
            {
                _frameTotal += SerprogNanoFrames.WaitOperationLength(_frame.ToArray(), 1);
            }

            if (_frame[0] == SerprogNanoOpcode.SpiOperationWaitRun && _frame.Count == 1 + SerprogNanoExtensions.WaitRunParameterLength)
            {
                _frameTotal += SerprogNanoFrames.WaitRunDataLength(_frame.ToArray(), 1);
            }

            if (_frame.Count < _frameTotal)
            {
                return;
            }

            byte opcode = _frame[0];
            int replyLength = opcode == SerprogOpcode.SpiOperation
                ? LittleEndian.ReadUInt24(_frame.ToArray(), 4)
                : opcode == SerprogNanoOpcode.FlashCrc32 ? SerprogNanoFrames.CrcReplyLength(SerprogNanoFrames.CrcBlockCount(_frame.ToArray(), 1))
                : opcode == SerprogOpcode.SyncNop ? 1 : Math.Max(0, SerprogCommandTable.ReplyLength(opcode));
            _awaiting.Enqueue((opcode, _frame.Count, replyLength));
            _frame.Clear();
        }

        private byte FollowIncoming(byte b)
        {
            if (_awaiting.Count == 0)
            {
                return b; // Stray bytes before the first command.
            }

            var (opcode, frameLength, replyLength) = _awaiting.Peek();
            if (_replyRead < 0)
            {
                // Status byte: NAK ends a reply, except SYNCNOP's NAK which its ACK follows.
                bool done = b == SerprogReply.Nak && opcode != SerprogOpcode.SyncNop;
                _replyTotal = replyLength;
                _replyRead = 0;
                if (done || replyLength == 0)
                {
                    Complete(frameLength);
                }

                return b;
            }

            if (opcode == SerprogOpcode.QueryCommandMap)
            {
                b &= (byte)~_hidden[_replyRead];
            }

            _replyRead++;
            if (_replyRead == _replyTotal)
            {
                Complete(frameLength);
            }

            return b;
        }

        private void Complete(int frameLength)
        {
            _awaiting.Dequeue();
            BytesInFlight -= frameLength;
            _replyRead = -1;
        }
    }
}
