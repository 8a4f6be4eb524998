using System;
using System.Collections.Generic;
using SerprogNano.Host.Remedies;
using SerprogNano.Host.Serprog.Transports;
using SerprogNano.Protocol;

namespace SerprogNano.Host.Serprog
{
    /// <summary>
    /// Sends commands back to back while the bytes not yet answered fit in the device's serial buffer,
    /// and matches the replies to them in order. A device answers each command only after it read it
    /// whole, so an answered command no longer occupies its buffer.
    /// </summary>
    internal sealed class SerprogPipeline
    {
        private const int OutgoingCapacity = 64 * 1024;
        private const int IncomingCapacity = 64 * 1024;

        private readonly IByteTransport _transport;
        private readonly Queue<PendingCommand> _pending = new();
        private readonly byte[] _outgoing = new byte[OutgoingCapacity];
        private readonly byte[] _incoming = new byte[IncomingCapacity];
        private readonly byte[] _header = new byte[1 + SerprogCommandTable.MaxParameterLength];
        private int _outgoingLength;
        private int _incomingStart;
        private int _incomingEnd;
        private bool _sentSinceLastWait;

        public SerprogPipeline(IByteTransport transport, int serialBufferSize)
        {
            _transport = transport;
            SerialBufferSize = serialBufferSize;
        }

        /// <summary>Bytes the device can hold unanswered (Q_SERBUF).</summary>
        public int SerialBufferSize { get; set; }

        /// <summary>Bytes sent or queued whose command has not been answered yet.</summary>
        public int BytesInFlight { get; private set; }

        /// <summary>Times the host stopped sending to wait for a reply (for a full buffer or for the answers it needed).</summary>
        public long WaitPoints { get; private set; }

        /// <summary>Times the host let the pipeline run empty to have every answer: each costs a whole round trip of the link.</summary>
        public long Drains { get; private set; }

        /// <summary>Queues one command; waits for earlier replies first if the device's buffer would overflow.</summary>
        public void Enqueue(byte opcode, ReadOnlySpan<byte> parameters, ReadOnlySpan<byte> data, int replyLength, Memory<byte> destination, string? label, ReplyReader? reader = null)
        {
            int wireLength = 1 + parameters.Length + data.Length;

            // One command larger than the buffer still goes alone: the device consumes it as it arrives.
            while (_pending.Count > 0 && BytesInFlight + wireLength > SerialBufferSize)
            {
                ReceiveOne();
            }

            _header[0] = opcode;
            parameters.CopyTo(_header.AsSpan(1));
            Append(_header.AsSpan(0, 1 + parameters.Length));
            Append(data);
            _pending.Enqueue(new PendingCommand(opcode, label, wireLength, replyLength, destination, reader));
            BytesInFlight += wireLength;
        }

        /// <summary>Sends what is queued and receives every reply due.</summary>
        public void Flush()
        {
            Drains += _pending.Count > 0 ? 1 : 0;
            while (_pending.Count > 0)
            {
                ReceiveOne();
            }

            SendQueued();
        }

        /// <summary>Forgets every pending command (after a failure the link is re-synchronised anyway).</summary>
        public void Reset()
        {
            _pending.Clear();
            _outgoingLength = 0;
            _incomingStart = 0;
            _incomingEnd = 0;
            BytesInFlight = 0;
        }

        /// <summary>Sends raw bytes at once, outside the command queue (SYNCNOP during start-up).</summary>
        public void SendRaw(ReadOnlySpan<byte> bytes)
        {
            SendQueued();
            _transport.Write(bytes);
        }

        /// <summary>Reads one raw byte with the transport's time-out, outside the command queue.</summary>
        public byte ReceiveRaw()
        {
            Span<byte> one = stackalloc byte[1];
            ReadExactly(one);
            return one[0];
        }

        /// <summary>Drops every byte received and not yet consumed.</summary>
        public void DiscardInput()
        {
            _incomingStart = 0;
            _incomingEnd = 0;
            _transport.DiscardInput();
        }

        /// <summary>
        /// Drops input until the link has been silent for <paramref name="quiet"/> (or <paramref name="limit"/> passes):
        /// a garbled length can set the device streaming a long reply, whose data would otherwise be taken for answers.
        /// </summary>
        public void DiscardUntilQuiet(TimeSpan quiet, TimeSpan limit)
        {
            DiscardInput();
            TimeSpan replyTimeout = _transport.ReadTimeout;
            long deadline = Environment.TickCount64 + (long)limit.TotalMilliseconds;
            _transport.ReadTimeout = quiet;
            try
            {
                while (Environment.TickCount64 < deadline)
                {
                    _transport.Read(_incoming);
                }
            }
            catch (TransportTimeoutException)
            {
                // Silence: nothing stale is left on the way.
            }
            finally
            {
                _transport.ReadTimeout = replyTimeout;
                _incomingStart = 0;
                _incomingEnd = 0;
            }
        }

        private void Append(ReadOnlySpan<byte> bytes)
        {
            if (_outgoingLength + bytes.Length > _outgoing.Length)
            {
                SendQueued();
            }

            if (bytes.Length > _outgoing.Length)
            {
                _transport.Write(bytes);
                _sentSinceLastWait = true;
                return;
            }

            bytes.CopyTo(_outgoing.AsSpan(_outgoingLength));
            _outgoingLength += bytes.Length;
        }

        private void SendQueued()
        {
            if (_outgoingLength > 0)
            {
                _transport.Write(_outgoing.AsSpan(0, _outgoingLength));
                _outgoingLength = 0;
                _sentSinceLastWait = true;
            }
        }

        private void ReceiveOne()
        {
            SendQueued();
            if (_sentSinceLastWait)
            {
                WaitPoints++;
                _sentSinceLastWait = false;
            }

            PendingCommand command = _pending.Peek();
            try
            {
                ReceiveReply(command);
            }
            catch (TransportTimeoutException e)
            {
                throw new SerprogTimeoutException(
                    command.Describe(),
                    "The programmer did not answer " + command.Describe() + " within " + _transport.ReadTimeout.TotalSeconds + " s: check the USB cable and the programmer's power; on a serial port, a UART without flow control drops the bytes its board cannot take in time.",
                    e)
                {
                    Remedies = new[] { Remedy.LowerSpiSpeed, Remedy.LowerBaudRate },
                };
            }
            catch (TransportClosedException e)
            {
                throw new SerprogException(command.Describe(), "The link closed while " + command.Describe() + " waited for its answer: " + e.Message, e);
            }

            _pending.Dequeue();
            BytesInFlight -= command.WireLength;
        }

        private void ReceiveReply(PendingCommand command)
        {
            byte status = ReceiveRaw();
            if (status == SerprogReply.Nak)
            {
                throw new SerprogException(command.Describe(), "The programmer refused " + command.Describe() + " (NAK).");
            }

            if (status != SerprogReply.Ack)
            {
                throw new SerprogException(command.Describe(), "The programmer answered " + command.Describe() + " with 0x" + status.ToString("X2") + " instead of ACK: the link is out of step or corrupted.");
            }

            if (command.Reader != null)
            {
                command.Reader(ReadExactly);
            }
            else if (command.Destination.Length >= command.ReplyLength)
            {
                ReadExactly(command.Destination.Span[..command.ReplyLength]);
            }
            else
            {
                Skip(command.ReplyLength);
            }
        }

        private void Skip(int count)
        {
            Span<byte> scratch = stackalloc byte[256];
            while (count > 0)
            {
                int chunk = Math.Min(count, scratch.Length);
                ReadExactly(scratch[..chunk]);
                count -= chunk;
            }
        }

        private void ReadExactly(Span<byte> destination)
        {
            while (!destination.IsEmpty)
            {
                if (_incomingStart == _incomingEnd)
                {
                    if (destination.Length >= _incoming.Length)
                    {
                        int direct = _transport.Read(destination);
                        destination = destination[direct..];
                        continue;
                    }

                    _incomingStart = 0;
                    _incomingEnd = _transport.Read(_incoming);
                }

                int chunk = Math.Min(destination.Length, _incomingEnd - _incomingStart);
                _incoming.AsSpan(_incomingStart, chunk).CopyTo(destination);
                _incomingStart += chunk;
                destination = destination[chunk..];
            }
        }
    }
}
