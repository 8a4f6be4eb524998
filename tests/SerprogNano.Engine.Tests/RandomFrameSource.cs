using System;
using SerprogNano.Protocol;

namespace SerprogNano.Engine.Tests
{
    /// <summary>
    /// Random serprog frames, each with the reply the protocol demands, worked out from a model of the
    /// engine's visible state (pins, SPI mode, limits). Seeded, so any failure can be replayed.
    /// </summary>
    internal sealed class RandomFrameSource
    {
        private readonly Random _random;
        private readonly EngineSettings _settings;
        private readonly byte[] _scratch = new byte[6];
        private bool _pinsDriven;
        private bool _fullDuplex;

        public RandomFrameSource(int seed, EngineSettings settings)
        {
            _random = new Random(seed);
            _settings = settings;
        }

        /// <summary>Appends one frame to <paramref name="frame"/>; returns the reply length (status included) and the status byte.</summary>
        public (int ReplyLength, byte Status) Next(Span<byte> frame, out int frameLength)
        {
            byte opcode = PickOpcode();
            frame[0] = opcode;
            frameLength = 1;
            switch (opcode)
            {
                case SerprogOpcode.SyncNop:
                    return (2, SerprogReply.Nak);
                case SerprogOpcode.SetBusType:
                    frame[frameLength++] = (byte)_random.Next(256);
                    return Status((frame[1] & BusType.Spi) != 0);
                case SerprogOpcode.SpiOperation:
                    return SpiOperation(frame, ref frameLength);
                case SerprogOpcode.SetSpiFrequency:
                    uint hz = _random.Next(8) == 0 ? 0u : (uint)_random.NextInt64(0, uint.MaxValue + 1L);
                    LittleEndian.WriteUInt32(_scratch, 0, hz);
                    _scratch.AsSpan(0, 4).CopyTo(frame[1..]);
                    frameLength += 4;
                    return hz == 0 ? (1, SerprogReply.Nak) : (5, SerprogReply.Ack);
                case SerprogOpcode.SetPinState:
                    frame[frameLength++] = (byte)(_random.Next(3) == 0 ? 0 : _random.Next(256));
                    _pinsDriven = frame[1] != 0;
                    return (1, SerprogReply.Ack);
                case SerprogOpcode.SetSpiChipSelect:
                    frame[frameLength++] = SmallOrAny(2);
                    return Status(frame[1] == 0);
                case SerprogOpcode.SetSpiMode:
                    frame[frameLength++] = SmallOrAny(3);
                    if (frame[1] <= SpiMode.FullDuplex)
                    {
                        _fullDuplex = frame[1] == SpiMode.FullDuplex;
                    }

                    return Status(frame[1] <= SpiMode.FullDuplex);
                case SerprogOpcode.SetChipSelectMode:
                    frame[frameLength++] = SmallOrAny(4);
                    return Status(frame[1] <= ChipSelectMode.Deselected);
                case SerprogOpcode.Nop:
                case SerprogOpcode.QueryInterface:
                case SerprogOpcode.QueryCommandMap:
                case SerprogOpcode.QueryProgrammerName:
                case SerprogOpcode.QuerySerialBuffer:
                case SerprogOpcode.QueryBusType:
                case SerprogOpcode.QueryWriteNMaxLength:
                case SerprogOpcode.QueryReadNMaxLength:
                    return (1 + SerprogCommandTable.ReplyLength(opcode), SerprogReply.Ack);
                default:
                    return (1, SerprogReply.Nak);
            }
        }

        private (int, byte) SpiOperation(Span<byte> frame, ref int frameLength)
        {
            bool oversized = _random.Next(10) == 0;
            int writeLength = oversized ? _random.Next(_settings.MaxWriteLength + 64) : _random.Next(17);
            int readLength = oversized ? _random.Next(_settings.MaxReadLength + 64) : _random.Next(17);
            if (_fullDuplex && _random.Next(2) == 0)
            {
                readLength = writeLength;
            }

            LittleEndian.WriteUInt24(_scratch, 0, writeLength);
            LittleEndian.WriteUInt24(_scratch, 3, readLength);
            _scratch.CopyTo(frame[1..]);
            _random.NextBytes(frame.Slice(7, writeLength));
            frameLength = 7 + writeLength;
            bool valid = _pinsDriven && writeLength <= _settings.MaxWriteLength && readLength <= _settings.MaxReadLength
                && (!_fullDuplex || (writeLength == readLength && writeLength <= _settings.BufferSize - 4));
            return valid ? (1 + readLength, SerprogReply.Ack) : (1, SerprogReply.Nak);
        }

        private byte PickOpcode()
        {
            int roll = _random.Next(100);
            if (roll < 15)
            {
                return (byte)_random.Next(256);
            }

            if (roll < 55)
            {
                return SerprogOpcode.SpiOperation;
            }

            if (roll < 65)
            {
                return SerprogOpcode.SetPinState;
            }

            return (byte)_random.Next(SerprogOpcode.Last + 1);
        }

        private byte SmallOrAny(int small) => (byte)(_random.Next(4) == 0 ? _random.Next(256) : _random.Next(small));

        private static (int, byte) Status(bool ack) => (1, ack ? SerprogReply.Ack : SerprogReply.Nak);
    }
}
