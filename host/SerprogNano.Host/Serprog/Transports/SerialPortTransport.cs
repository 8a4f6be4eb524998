using System;
using System.IO;
using System.IO.Ports;

namespace SerprogNano.Host.Serprog.Transports
{
    /// <summary>A serprog device on a serial port (USB CDC or UART): 8N1 with DTR and RTS asserted.</summary>
    public sealed class SerialPortTransport : IBaudRateTransport
    {
        public const int DefaultBaudRate = 115200;

        private readonly SerialPort _port;
        private readonly string _devicePath;
        private TimeSpan _readTimeout;

        public SerialPortTransport(string devicePath, int baudRate = DefaultBaudRate)
        {
            ArgumentException.ThrowIfNullOrEmpty(devicePath);
            ArgumentOutOfRangeException.ThrowIfLessThan(baudRate, 1);
            _devicePath = devicePath;
            string description = Describe(devicePath, baudRate);
            string? notAPort = SerialPorts.WhyNotAPort(devicePath);
            if (notAPort != null)
            {
                throw new TransportClosedException("Cannot open " + description + ": " + notAPort);
            }

            _port = new SerialPort(devicePath, baudRate, Parity.None, 8, StopBits.One)
            {
                Handshake = Handshake.None,
                ReadBufferSize = 1 << 20,
                WriteBufferSize = 1 << 16,
                WriteTimeout = 5000,
            };
            ReadTimeout = IByteTransport.DefaultReadTimeout;
            try
            {
                _port.Open();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or InvalidOperationException)
            {
                _port.Dispose();
                throw new TransportClosedException("Cannot open " + description + ": " + SerialPorts.WhyItWouldNotOpen(devicePath, e), e);
            }

            AssertModemLines();
        }

        /// <summary>The device and the rate it runs at now.</summary>
        public string Description => Describe(_devicePath, _port.BaudRate);

        public int BaudRate
        {
            get => _port.BaudRate;
            set
            {
                try
                {
                    _port.BaudRate = value;
                }
                catch (IOException e)
                {
                    throw new ArgumentOutOfRangeException(nameof(value), value, "The serial driver of " + _devicePath + " cannot run at " + value + " baud: " + e.Message);
                }
            }
        }

        /// <summary>
        /// Many serprog firmwares (pico-serprog, stm32-vserprog) only talk once DTR is asserted, and RTS keeps
        /// UART bridges sending. Ptys and some adapters have no modem lines; they work without.
        /// </summary>
        private void AssertModemLines()
        {
            try
            {
                _port.DtrEnable = true;
                _port.RtsEnable = true;
            }
            catch (IOException)
            {
                // No modem control lines on this device.
            }
        }

        public TimeSpan ReadTimeout
        {
            get => _readTimeout;
            set
            {
                _readTimeout = value;
                _port.ReadTimeout = (int)Math.Ceiling(value.TotalMilliseconds);
            }
        }

        public void Write(ReadOnlySpan<byte> data)
        {
            try
            {
                _port.BaseStream.Write(data);
            }
            catch (TimeoutException e)
            {
                throw new TransportTimeoutException(Description + " did not take the bytes within " + _port.WriteTimeout + " ms.", e);
            }
            catch (Exception e) when (e is IOException or InvalidOperationException)
            {
                throw new TransportClosedException(Description + " failed: " + e.Message, e);
            }
        }

        public int Read(Span<byte> buffer)
        {
            try
            {
                int read = _port.BaseStream.Read(buffer);
                if (read == 0 && !buffer.IsEmpty)
                {
                    throw new TransportClosedException(Description + " closed.");
                }

                return read;
            }
            catch (TimeoutException e)
            {
                throw new TransportTimeoutException("No byte from " + Description + " within " + _port.ReadTimeout + " ms.", e);
            }
            catch (Exception e) when (e is IOException or InvalidOperationException)
            {
                throw new TransportClosedException(Description + " failed: " + e.Message, e);
            }
        }

        public void DiscardInput() => _port.DiscardInBuffer();

        public void Dispose() => _port.Dispose();

        private static string Describe(string devicePath, int baudRate) => "serial " + devicePath + " at " + baudRate + " baud";
    }
}
