using System;
using System.IO.Ports;
using SerprogNano.Engine;

namespace SerprogNano.Esp32
{
    /// <summary>
    /// The engine's link over a nanoFramework UART. On ESP32, SerialPort.Read waits until all the bytes
    /// asked for are in its receive buffer and throws TimeoutException when ReadTimeout passes first,
    /// leaving what did arrive in the buffer; this maps that onto ISerialLink (0 means time-out).
    /// </summary>
    public sealed class SerialPortLink : ISerialLink
    {
        private readonly SerialPort _port;
        private readonly int _receiveBufferSize;

        /// <param name="port">An open port whose ReadTimeout is the frame time-out.</param>
        /// <param name="receiveBufferSize">The port's ReadBufferSize: a read of more would never complete.</param>
        public SerialPortLink(SerialPort port, int receiveBufferSize)
        {
            _port = port;
            _receiveBufferSize = receiveBufferSize;
        }

        public int Read(byte[] buffer, int offset, int count)
        {
            if (!_port.IsOpen)
            {
                return -1;
            }

            if (count > _receiveBufferSize)
            {
                count = _receiveBufferSize;
            }

            try
            {
                return _port.Read(buffer, offset, count);
            }
            catch (TimeoutException)
            {
                // Fewer than count came in time (an idle link lands here every time-out, never a busy one).
            }

            int waiting = _port.BytesToRead;
            if (waiting == 0)
            {
                return 0;
            }

            return _port.Read(buffer, offset, waiting < count ? waiting : count);
        }

        public void Write(byte[] buffer, int offset, int count)
        {
            _port.Write(buffer, offset, count);
        }
    }
}
