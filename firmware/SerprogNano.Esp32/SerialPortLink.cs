using System;
using System.IO.Ports;
using System.Threading;
using SerprogNano.Engine;
using SerprogNano.Protocol;

namespace SerprogNano.Esp32
{
    /// <summary>
    /// The engine's link over a nanoFramework UART. On ESP32, SerialPort.Read waits until all the bytes
    /// asked for are in its receive buffer and throws TimeoutException when ReadTimeout passes first,
    /// leaving what did arrive in the buffer; this maps that onto ISerialLink (0 means time-out).
    /// </summary>
    /// <remarks>
    /// Writes longer than the UART's TX FIFO go out behind the engine's back: the bytes are copied to the link's own
    /// buffer and a sender thread waits in SerialPort.Write while the engine goes on (for a streamed read: clocking
    /// the next chunk in over SPI). The ESP32 driver sends what does not fit the 128-byte FIFO from its TX task and
    /// wakes the writer with an event that an idle interpreter sees only at the next FreeRTOS tick
    /// (nf-interpreter targets/ESP32/_nanoCLR/targetPAL_Events.cpp, vTaskDelay(1): 10 ms at the default 100 Hz);
    /// waiting there in the serving thread made every 4 KiB chunk cost the SPI read, the wire time and that tick
    /// one after the other. Each write still leaves in one piece and in order: a write waits until the one before
    /// it has gone.
    /// </remarks>
    public sealed class SerialPortLink : ISerialLink, IBaudRateControl
    {
        /// <summary>The ESP32 UART's TX FIFO: a write of at most this much into an idle FIFO returns at once.</summary>
        public const int TxFifoSize = 128;

        private readonly SerialPort _port;
        private readonly int _receiveBufferSize;
        private readonly int _maxBaudRate;
        private readonly byte[] _pending;
        private readonly AutoResetEvent _queued = new AutoResetEvent(false);
        private readonly AutoResetEvent _sent = new AutoResetEvent(false);

        // nanoFramework's managed threads share one native thread and switch only between IL instructions or in
        // blocking calls, so plain fields are seen by the other thread.
        private bool _sending;
        private int _pendingCount;
        private Exception _sendFailure;

        /// <param name="port">An open port whose ReadTimeout is the frame time-out.</param>
        /// <param name="receiveBufferSize">The port's ReadBufferSize: a read of more would never complete.</param>
        /// <param name="largestWrite">The most the engine writes at once (its buffer size).</param>
        /// <param name="maxBaudRate">The fastest rate the board's UART runs at.</param>
        public SerialPortLink(SerialPort port, int receiveBufferSize, int largestWrite, int maxBaudRate)
        {
            _port = port;
            _receiveBufferSize = receiveBufferSize;
            _maxBaudRate = maxBaudRate;
            _pending = new byte[largestWrite];
            new Thread(Send).Start();
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

        /// <exception cref="Exception">What the port threw while sending the write before this one.</exception>
        public void Write(byte[] buffer, int offset, int count)
        {
            // A stale signal from an earlier send only costs one more look at the flag.
            while (_sending)
            {
                _sent.WaitOne();
            }

            Exception failure = _sendFailure;
            if (failure != null)
            {
                _sendFailure = null;
                throw failure;
            }

            if (count <= TxFifoSize)
            {
                _port.Write(buffer, offset, count);
                return;
            }

            Array.Copy(buffer, offset, _pending, 0, count);
            _pendingCount = count;
            _sending = true;
            _queued.Set();

            // nanoFramework does not preempt a running thread before its 20 ms quantum ends: let the sender start the
            // transfer now (it then waits in the driver) rather than after the engine's next SPI read.
            Thread.Sleep(0);
        }

        public int BaudRate
        {
            get { return _port.BaudRate; }
        }

        public int MaxBaudRate
        {
            get { return _maxBaudRate; }
        }

        /// <summary>
        /// Setting BaudRate on an open port reconfigures the UART at once: System.IO.Ports SerialPort.cs, the BaudRate
        /// setter calls NativeConfig() when the port is open, and nf-interpreter targets/ESP32/_nanoCLR/System.IO.Ports/
        /// sys_io_ser_native_System_IO_Ports_SerialPort.cpp, NativeConfig___VOID, calls uart_set_baudrate once the driver
        /// is installed. Nothing there waits for the TX FIFO to empty, and the managed port cannot tell when it has (no
        /// BytesToWrite; Write returns once its bytes are in the FIFO, Write___VOID__SZARRAY_U1__I4__I4). So this waits
        /// until the sender thread has handed its last write to the driver (then at most a FIFO and a byte are left to
        /// send) and for the time those take at the old rate, and only then switches.
        /// </summary>
        public void ChangeBaudRate(int baudRate)
        {
            while (_sending)
            {
                _sent.WaitOne();
            }

            Thread.Sleep(SerprogNanoExtensions.BaudDrainMilliseconds(_port.BaudRate));
            _port.BaudRate = baudRate;
        }

        private void Send()
        {
            while (true)
            {
                _queued.WaitOne();
                try
                {
                    _port.Write(_pending, 0, _pendingCount);
                }
                catch (Exception e)
                {
                    // Handed to the serving thread with its next write, where the engine's fault handling is.
                    _sendFailure = e;
                }

                _sending = false;
                _sent.Set();
            }
        }
    }
}
