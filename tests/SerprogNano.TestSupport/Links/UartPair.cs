using System;
using System.Collections.Generic;
using SerprogNano.Engine;
using SerprogNano.Engine.Hosting.Links;
using SerprogNano.Host.Serprog.Transports;

namespace SerprogNano.TestSupport
{
    /// <summary>
    /// A UART between a device and a USB adapter, with a line rate at each end. A byte crosses intact only while both
    /// ends run at one rate and the adapter can run at it; otherwise it arrives as noise (its bits inverted), as bytes
    /// sent at another rate do. The rates are looked at when a byte is written.
    /// </summary>
    public sealed class UartPair : IDisposable
    {
        private readonly ByteChannel _toDevice = new();
        private readonly ByteChannel _toHost = new();
        private readonly object _gate = new();
        private readonly List<int> _deviceRates = new();
        private readonly int _adapterMaxRate;
        private int _deviceRate;
        private int _hostRate;

        /// <param name="bootRate">The rate both ends start at.</param>
        /// <param name="deviceMaxRate">The fastest rate the device's UART can run at.</param>
        /// <param name="adapterMaxRate">The fastest rate at which the adapter still carries bytes intact.</param>
        /// <param name="frameTimeout">How long a device read waits before it returns 0.</param>
        public UartPair(int bootRate, int deviceMaxRate, int adapterMaxRate, TimeSpan frameTimeout)
        {
            _deviceRate = bootRate;
            _hostRate = bootRate;
            _adapterMaxRate = adapterMaxRate;
            Device = new DeviceEnd(this, deviceMaxRate, frameTimeout);
        }

        /// <summary>The device's end, for the engine.</summary>
        public DeviceEnd Device { get; }

        /// <summary>Every rate the device moved to, in order.</summary>
        public int[] DeviceRateChanges
        {
            get
            {
                lock (_gate)
                {
                    return _deviceRates.ToArray();
                }
            }
        }

        public int DeviceRate
        {
            get
            {
                lock (_gate)
                {
                    return _deviceRate;
                }
            }
        }

        /// <summary>A host's end at the rate the pair started at or was last set to; a new one stands for a new host process.</summary>
        public HostEnd OpenHost(int baudRate)
        {
            lock (_gate)
            {
                _hostRate = baudRate;
            }

            return new HostEnd(this);
        }

        public void Dispose()
        {
            _toDevice.Close();
            _toHost.Close();
        }

        private bool Intact
        {
            get
            {
                lock (_gate)
                {
                    return _deviceRate == _hostRate && _hostRate <= _adapterMaxRate;
                }
            }
        }

        private void Send(ByteChannel channel, ReadOnlySpan<byte> data)
        {
            if (Intact)
            {
                channel.Write(data);
                return;
            }

            byte[] noise = data.ToArray();
            for (int i = 0; i < noise.Length; i++)
            {
                noise[i] = (byte)~noise[i];
            }

            channel.Write(noise);
        }

        /// <summary>The device's end: a UART whose rate the engine may change.</summary>
        public sealed class DeviceEnd : ISerialLink, IBaudRateControl
        {
            private readonly UartPair _pair;
            private readonly TimeSpan _frameTimeout;

            internal DeviceEnd(UartPair pair, int maxBaudRate, TimeSpan frameTimeout)
            {
                _pair = pair;
                MaxBaudRate = maxBaudRate;
                _frameTimeout = frameTimeout;
            }

            public int BaudRate => _pair.DeviceRate;

            public int MaxBaudRate { get; }

            public void ChangeBaudRate(int baudRate)
            {
                lock (_pair._gate)
                {
                    _pair._deviceRate = baudRate;
                    _pair._deviceRates.Add(baudRate);
                }
            }

            public int Read(byte[] buffer, int offset, int count) => _pair._toDevice.Read(buffer.AsSpan(offset, count), _frameTimeout);

            public void Write(byte[] buffer, int offset, int count)
            {
                try
                {
                    _pair.Send(_pair._toHost, buffer.AsSpan(offset, count));
                }
                catch (ObjectDisposedException)
                {
                    // The test is over; the engine sees the closed link on its next read.
                }
            }
        }

        /// <summary>The host's end: a serial port whose rate the client sets.</summary>
        public sealed class HostEnd : IBaudRateTransport
        {
            private readonly UartPair _pair;

            internal HostEnd(UartPair pair)
            {
                _pair = pair;
            }

            public string Description => "test UART at " + BaudRate + " baud";

            public TimeSpan ReadTimeout { get; set; } = IByteTransport.DefaultReadTimeout;

            public int BaudRate
            {
                get
                {
                    lock (_pair._gate)
                    {
                        return _pair._hostRate;
                    }
                }

                set
                {
                    lock (_pair._gate)
                    {
                        _pair._hostRate = value;
                    }
                }
            }

            public void Write(ReadOnlySpan<byte> data) => _pair.Send(_pair._toDevice, data);

            public int Read(Span<byte> buffer)
            {
                int read = _pair._toHost.Read(buffer, ReadTimeout);
                if (read == 0 && !buffer.IsEmpty)
                {
                    throw new TransportTimeoutException("No byte from " + Description + " within " + ReadTimeout.TotalMilliseconds + " ms.");
                }

                if (read < 0)
                {
                    throw new TransportClosedException(Description + " closed.");
                }

                return read;
            }

            public void DiscardInput() => _pair._toHost.Clear();

            /// <summary>A host that goes away leaves the line as it is: the device is not told.</summary>
            public void Dispose()
            {
            }
        }
    }
}
