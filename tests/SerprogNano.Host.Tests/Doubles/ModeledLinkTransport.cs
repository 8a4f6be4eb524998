using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using SerprogNano.Host.Transports;

namespace SerprogNano.Host.Tests.Doubles
{
    /// <summary>
    /// A link with a UART's limits in front of another transport: each direction carries so many bytes
    /// per second, one after the other, and every byte lands a fixed latency after it left. Writes do
    /// not block (the sender's driver buffers); bytes reach the far end at their modelled time.
    /// </summary>
    internal sealed class ModeledLinkTransport : IByteTransport
    {
        private const int PieceLength = 32;

        private readonly IByteTransport _inner;
        private readonly double _ticksPerByte;
        private readonly long _latencyTicks;
        private readonly Queue<(long Due, byte[] Data)> _toDevice = new();
        private readonly Queue<(long Due, byte[] Data)> _toHost = new();
        private readonly Thread _sender;
        private readonly Thread _receiver;
        private long _toDeviceFreeAt;
        private long _toHostFreeAt;
        private long _lastDelivered;
        private byte[]? _current;
        private int _currentOffset;
        private volatile bool _closed;

        public ModeledLinkTransport(IByteTransport inner, int bytesPerSecond, TimeSpan latency)
        {
            _inner = inner;
            _ticksPerByte = (double)Stopwatch.Frequency / bytesPerSecond;
            _latencyTicks = (long)(latency.TotalSeconds * Stopwatch.Frequency);
            BytesPerSecond = bytesPerSecond;
            _inner.ReadTimeout = TimeSpan.FromMilliseconds(50);
            _sender = new Thread(SendLoop) { IsBackground = true, Name = "modelled link to device" };
            _receiver = new Thread(ReceiveLoop) { IsBackground = true, Name = "modelled link to host" };
            _sender.Start();
            _receiver.Start();
        }

        public int BytesPerSecond { get; }

        /// <summary>Bytes the host has sent, to tell line use from protocol overhead.</summary>
        public long BytesWritten { get; private set; }

        public string Description => "modelled link (" + BytesPerSecond + " B/s, " + (_latencyTicks * 1000.0 / Stopwatch.Frequency) + " ms) to " + _inner.Description;

        public TimeSpan ReadTimeout { get; set; } = TimeSpan.FromSeconds(2);

        public void Write(ReadOnlySpan<byte> data)
        {
            lock (_toDevice)
            {
                BytesWritten += data.Length;
                Schedule(_toDevice, ref _toDeviceFreeAt, data);
                Monitor.PulseAll(_toDevice);
            }
        }

        public int Read(Span<byte> buffer)
        {
            long deadline = Stopwatch.GetTimestamp() + (long)(ReadTimeout.TotalSeconds * Stopwatch.Frequency);
            int read = 0;
            while (read == 0)
            {
                if (_current == null && !TryTakeDue(deadline))
                {
                    throw _closed ? new TransportClosedException("modelled link closed") : new TransportTimeoutException("No byte within " + ReadTimeout.TotalMilliseconds + " ms.");
                }

                while (_current != null && read < buffer.Length)
                {
                    int chunk = Math.Min(buffer.Length - read, _current.Length - _currentOffset);
                    _current.AsSpan(_currentOffset, chunk).CopyTo(buffer[read..]);
                    read += chunk;
                    _currentOffset += chunk;
                    if (_currentOffset == _current.Length)
                    {
                        _current = null;
                        TryTakeDue(0);
                    }
                }
            }

            return read;
        }

        public void DiscardInput()
        {
            lock (_toHost)
            {
                _toHost.Clear();
                _current = null;
            }
        }

        public void Dispose()
        {
            _closed = true;
            lock (_toDevice)
            {
                Monitor.PulseAll(_toDevice);
            }

            _sender.Join();
            _inner.Dispose();
            _receiver.Join();
        }

        /// <summary>Queues the bytes in pieces, each due when its last byte has crossed the link.</summary>
        private void Schedule(Queue<(long, byte[])> queue, ref long freeAt, ReadOnlySpan<byte> data)
        {
            long now = Stopwatch.GetTimestamp();
            double start = Math.Max(now, freeAt);
            for (int offset = 0; offset < data.Length; offset += PieceLength)
            {
                int length = Math.Min(PieceLength, data.Length - offset);
                start += length * _ticksPerByte;
                queue.Enqueue(((long)start + _latencyTicks, data.Slice(offset, length).ToArray()));
            }

            freeAt = (long)start;
        }

        /// <summary>Makes the next piece current once it is due; waits until <paramref name="deadline"/> (0: do not wait).</summary>
        private bool TryTakeDue(long deadline)
        {
            while (true)
            {
                long due;
                lock (_toHost)
                {
                    if (_toHost.Count == 0)
                    {
                        if (deadline == 0 || _closed || Stopwatch.GetTimestamp() > deadline)
                        {
                            return false;
                        }

                        Monitor.Wait(_toHost, 1);
                        continue;
                    }

                    due = _toHost.Peek().Due;
                    if (due <= Stopwatch.GetTimestamp())
                    {
                        _current = _toHost.Dequeue().Data;
                        _currentOffset = 0;
                        return true;
                    }
                }

                if (deadline == 0)
                {
                    return false;
                }

                WaitUntil(due);
            }
        }

        private void SendLoop()
        {
            while (!_closed)
            {
                (long Due, byte[] Data) piece;
                lock (_toDevice)
                {
                    if (_toDevice.Count == 0)
                    {
                        Monitor.Wait(_toDevice, 10);
                        continue;
                    }

                    piece = _toDevice.Dequeue();
                }

                // A late sender must not burst: bytes leave no faster than the line rate, as on a UART.
                long due = Math.Max(piece.Due, _lastDelivered + (long)(piece.Data.Length * _ticksPerByte));
                WaitUntil(due);
                _lastDelivered = Math.Max(due, Stopwatch.GetTimestamp());
                try
                {
                    _inner.Write(piece.Data);
                }
                catch (TransportClosedException)
                {
                    return;
                }
            }
        }

        private void ReceiveLoop()
        {
            var buffer = new byte[64 * 1024];
            while (true)
            {
                int read;
                try
                {
                    read = _inner.Read(buffer);
                }
                catch (TransportTimeoutException)
                {
                    if (_closed)
                    {
                        return;
                    }

                    continue;
                }
                catch (Exception e) when (e is TransportClosedException or ObjectDisposedException)
                {
                    _closed = true;
                    return;
                }

                lock (_toHost)
                {
                    Schedule(_toHost, ref _toHostFreeAt, buffer.AsSpan(0, read));
                    Monitor.PulseAll(_toHost);
                }
            }
        }

        private static void WaitUntil(long due)
        {
            long left;
            while ((left = due - Stopwatch.GetTimestamp()) > 0)
            {
                if (left > Stopwatch.Frequency / 500)
                {
                    Thread.Sleep(1);
                }
                else
                {
                    Thread.Yield(); // Spinning would starve the emulator's engine on a busy machine.
                }
            }
        }
    }
}
