using System;
using NanoFrameworkStandIn;

namespace System.IO.Ports
{
    public sealed class SerialPort : IDisposable
    {
        public SerialPort(string portName, int baudRate = 9600, Parity parity = Parity.None, int dataBits = 8, StopBits stopBits = StopBits.One)
        {
            throw NotOnThisMachine.Error();
        }

        /// <summary>Real: the ports this board can open now (COM1 is missing while the debugger uses UART0).</summary>
        public static string[] GetPortNames()
        {
            throw NotOnThisMachine.Error();
        }

        /// <summary>Real: setting it on an open port reconfigures the UART at once (NativeConfig).</summary>
        public int BaudRate
        {
            get { throw NotOnThisMachine.Error(); }
            set { throw NotOnThisMachine.Error(); }
        }

        public Handshake Handshake
        {
            get { throw NotOnThisMachine.Error(); }
            set { throw NotOnThisMachine.Error(); }
        }

        public int ReadBufferSize
        {
            get { throw NotOnThisMachine.Error(); }
            set { throw NotOnThisMachine.Error(); }
        }

        /// <summary>Milliseconds; on the device a read that is not complete by then throws TimeoutException.</summary>
        public int ReadTimeout
        {
            get { throw NotOnThisMachine.Error(); }
            set { throw NotOnThisMachine.Error(); }
        }

        /// <summary>Real: the bytes buffered before a DataReceived event is posted; must be above 0.</summary>
        public int ReceivedBytesThreshold
        {
            get { throw NotOnThisMachine.Error(); }
            set { throw NotOnThisMachine.Error(); }
        }

        public bool IsOpen
        {
            get { throw NotOnThisMachine.Error(); }
        }

        public int BytesToRead
        {
            get { throw NotOnThisMachine.Error(); }
        }

        public void Open()
        {
            throw NotOnThisMachine.Error();
        }

        public int Read(byte[] buffer, int offset, int count)
        {
            throw NotOnThisMachine.Error();
        }

        public void Write(byte[] buffer, int offset, int count)
        {
            throw NotOnThisMachine.Error();
        }

        public void Dispose()
        {
            throw NotOnThisMachine.Error();
        }
    }
}
