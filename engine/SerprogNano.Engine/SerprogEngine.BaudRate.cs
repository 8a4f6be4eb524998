using System;
using SerprogNano.Protocol;

namespace SerprogNano.Engine
{
    /// <summary>O_NANO_SET_BAUD (protocol/EXTENSIONS.md): a faster line once both ends have shown they can use it.</summary>
    public partial class SerprogEngine
    {
        /// <summary>Bytes of a confirmation: the request's opcode and rate again.</summary>
        private const int BaudFrameLength = 1 + SerprogNanoExtensions.BaudParameterLength;

        /// <summary>The last bytes received while a confirmation is awaited, oldest first, and room for the next one.</summary>
        private readonly byte[] _baudWindow = new byte[BaudFrameLength + 1];

        /// <summary>The link's rate control, when the link has a rate the board can change (a UART).</summary>
        private IBaudRateControl BaudRateControl
        {
            get { return _link as IBaudRateControl; }
        }

        /// <summary>Whether Q_CMDMAP lists O_NANO_SET_BAUD: the link can change rate and the engine has a clock for the time-out.</summary>
        private bool CanChangeBaudRate
        {
            get { return _time != null && BaudRateControl != null; }
        }

        /// <summary>
        /// NAKs a rate the board cannot run at. Otherwise ACKs at the old rate, switches once the ACK has left, and then
        /// takes nothing but the same frame again, twice, each within the time-out and each ACKed at the new rate: the
        /// first shows the host's bytes arrive, the second that the host read the ACK. Every other byte meanwhile is
        /// dropped, since bytes sent at another rate are noise that must never be taken for a command. Without both
        /// confirmations the line goes back to the rate it had; with them the new rate holds until the device resets.
        /// </summary>
        private void HandleSetBaudRate()
        {
            if (!CanChangeBaudRate)
            {
                SendNak();
                return;
            }

            if (!ReadParameters(SerprogNanoOpcode.SetBaudRate))
            {
                return;
            }

            IBaudRateControl line = BaudRateControl;
            uint requested = SerprogNanoFrames.BaudRate(_parameters, 0);
            if (requested < SerprogNanoExtensions.MinBaudRate || requested > (uint)line.MaxBaudRate)
            {
                SendNak();
                return;
            }

            int previous = line.BaudRate;
            SendAck(0);
            line.ChangeBaudRate((int)requested);
            for (int i = 0; i < SerprogNanoExtensions.BaudConfirmations; i++)
            {
                if (!AwaitBaudConfirmation())
                {
                    line.ChangeBaudRate(previous);
                    return;
                }

                SendAck(0);
            }
        }

        /// <summary>
        /// Reads byte by byte until the last five are O_NANO_SET_BAUD with the rate in <see cref="_parameters"/>; false
        /// when the time-out passes first (noise does not extend it) or the link closes.
        /// </summary>
        private bool AwaitBaudConfirmation()
        {
            long deadline = _time.Milliseconds + SerprogNanoExtensions.BaudConfirmTimeoutMilliseconds;
            int received = 0;
            while (_time.Milliseconds < deadline)
            {
                int read = _link.Read(_baudWindow, BaudFrameLength, 1);
                if (read < 0)
                {
                    return false;
                }

                if (read == 0)
                {
                    continue;
                }

                Array.Copy(_baudWindow, 1, _baudWindow, 0, BaudFrameLength);
                received++;
                if (received >= BaudFrameLength && IsBaudConfirmation())
                {
                    return true;
                }
            }

            return false;
        }

        private bool IsBaudConfirmation()
        {
            if (_baudWindow[0] != SerprogNanoOpcode.SetBaudRate)
            {
                return false;
            }

            for (int i = 0; i < SerprogNanoExtensions.BaudParameterLength; i++)
            {
                if (_baudWindow[1 + i] != _parameters[i])
                {
                    return false;
                }
            }

            return true;
        }
    }
}
