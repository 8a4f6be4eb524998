using System;
using System.Threading;
using SerprogNano.Engine;
using SerprogNano.Engine.Hosting.Links;

namespace SerprogNano.Emulator.Faults
{
    /// <summary>
    /// The device end of a link with <see cref="LinkFaults"/> applied: what the engine reads and writes
    /// passes through here. A drop disconnects the link underneath when it can (in-process channels, a TCP
    /// socket), so the host sees its connection close; a stall keeps the link open and goes silent.
    /// </summary>
    public sealed class FaultySerialLink : ISerialLink
    {
        private readonly ISerialLink _inner;
        private readonly LinkFaults _faults;
        private readonly FrameCursor _frames = new();
        private bool _dropped;
        private bool _stalled;

        public FaultySerialLink(ISerialLink inner, LinkFaults faults)
        {
            ArgumentNullException.ThrowIfNull(inner);
            ArgumentNullException.ThrowIfNull(faults);
            _inner = inner;
            _faults = faults;
        }

        public int Read(byte[] buffer, int offset, int count)
        {
            if (_dropped)
            {
                return -1;
            }

            if (_stalled)
            {
                // Swallow what arrives so the host's writes do not block, and notice when it leaves.
                return _inner.Read(buffer, offset, count) < 0 ? -1 : 0;
            }

            _faults.WaitWhilePaused();
            int allowed = _faults.ReadableBeforeTrigger(count);
            if (allowed == 0 && count > 0)
            {
                allowed = 1; // A trigger armed at zero bytes fires on the next byte.
            }

            int read = _inner.Read(buffer, offset, allowed);
            if (read <= 0)
            {
                return read;
            }

            switch (_faults.Received(buffer.AsSpan(offset, read), _frames))
            {
                case LinkTrigger.Drop:
                    _dropped = true;
                    (_inner as IDisconnectableLink)?.Disconnect();
                    return -1;
                case LinkTrigger.Stall:
                    _stalled = true;
                    return 0;
                default:
                    return read;
            }
        }

        public void Write(byte[] buffer, int offset, int count)
        {
            if (_dropped || _stalled)
            {
                return;
            }

            int delay = _faults.DelayMilliseconds;
            if (delay > 0)
            {
                Thread.Sleep(delay);
            }

            byte[] reply = buffer.AsSpan(offset, count).ToArray(); // The engine's buffer stays intact.
            _faults.Sending(reply, _frames);
            if (!_faults.SplitWrites)
            {
                _inner.Write(reply, 0, reply.Length);
                return;
            }

            for (int i = 0; i < reply.Length; i++)
            {
                _inner.Write(reply, i, 1);
            }
        }
    }
}
