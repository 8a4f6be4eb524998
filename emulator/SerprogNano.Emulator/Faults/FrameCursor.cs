using System;
using System.Collections.Generic;
using SerprogNano.Protocol;

namespace SerprogNano.Emulator.Faults
{
    /// <summary>
    /// Follows one connection's serprog frames as the host sends them (lengths from <see cref="SerprogCommandTable"/>)
    /// and the replies the device sends back in the same order, so that a <see cref="FrameBitFlip"/> lands on its byte.
    /// Frames are read before a flip hits them: a flipped length or opcode desynchronises the device, as on a real
    /// cable, while this count goes on by what the host meant. Replies are counted as half-duplex serprog sends them
    /// (S_SPI_MODE full duplex, which no host here uses, is not followed).
    /// </summary>
    internal sealed class FrameCursor
    {
        private readonly byte[] _header = new byte[1 + SerprogCommandTable.MaxParameterLength];
        private readonly Queue<Reply> _replies = new();
        private readonly List<(long Position, int Bit)> _commandFlips = new();
        private long _position;
        private int _headerLength = 1;
        private long _frameLength = 1;
        private Reply _current = new();
        private Reply? _reply;
        private long _replyPosition;

        /// <summary>Follows and corrupts bytes the device received; returns the bits inverted.</summary>
        public int Received(Span<byte> data, FrameFlips flips)
        {
            int flipped = 0;
            int i = 0;
            while (i < data.Length)
            {
                if (_position == 0)
                {
                    Start(data[i], flips);
                }
                else if (_position < _headerLength)
                {
                    _header[_position] = data[i];
                }
                else if (_position == _headerLength && FrameBitFlip.CarriesSpi(_header[0]))
                {
                    Due(flips.Due(_header[0], data[i]), _headerLength);
                }

                if (_position == _headerLength - 1)
                {
                    EndOfHeader();
                }

                // Data bytes nobody flips pass in one step.
                long next = Math.Min(_frameLength, NextFlip(_position + 1, _commandFlips));
                int step = _position < _headerLength ? 1 : (int)Math.Max(1, Math.Min(data.Length - i, next - _position));
                flipped += Flip(data.Slice(i, step), _position, _commandFlips);
                i += step;
                _position += step;
                if (_position >= _frameLength)
                {
                    _position = 0;
                    _commandFlips.Clear();
                }
            }

            return flipped;
        }

        /// <summary>Follows and corrupts a reply on its way to the host; returns the bits inverted.</summary>
        public int Sending(Span<byte> data)
        {
            int flipped = 0;
            int i = 0;
            while (i < data.Length && (_reply != null || _replies.TryDequeue(out _reply)))
            {
                Reply reply = _reply!;
                long end = _replyPosition == 0 && reply.NakEnds && data[i] == SerprogReply.Nak ? 1 : reply.Length;
                int step = (int)Math.Min(data.Length - i, end - _replyPosition);
                flipped += Flip(data.Slice(i, step), _replyPosition, reply.Flips);
                i += step;
                _replyPosition += step;
                if (_replyPosition >= end)
                {
                    _reply = null;
                    _replyPosition = 0;
                }
            }

            return flipped;
        }

        private void Start(byte opcode, FrameFlips flips)
        {
            _header[0] = opcode;
            _headerLength = 1 + (SerprogCommandTable.IsDefined(opcode) ? SerprogCommandTable.ParameterLength(opcode) : 0);
            _frameLength = _headerLength;
            _current = new Reply();
            Due(flips.Due(opcode, null), 0);
        }

        /// <summary>Arms the flips due on this frame: in it from <paramref name="origin"/>, or in its reply.</summary>
        private void Due(IReadOnlyList<FrameBitFlip> due, int origin)
        {
            foreach (FrameBitFlip flip in due)
            {
                if (flip.Direction == LinkFaultDirection.ToDevice)
                {
                    _commandFlips.Add((origin + flip.ByteIndex, flip.Bit));
                }
                else
                {
                    // Counted from the ACK, or with an SPI opcode from the byte after it. The reply leaves only
                    // once the whole frame has arrived, so adding to it after it was queued is in time.
                    _current.Flips.Add((flip.ByteIndex + (flip.SpiOpcode == null ? 0 : 1), flip.Bit));
                }
            }
        }

        private void EndOfHeader()
        {
            byte opcode = _header[0];
            _frameLength = _headerLength + opcode switch
            {
                SerprogOpcode.WriteNToBuffer or SerprogOpcode.SpiOperation => LittleEndian.ReadUInt24(_header, 1),
                SerprogNanoOpcode.SpiOperationWait => SerprogNanoFrames.WaitOperationLength(_header, 1),
                SerprogNanoOpcode.SpiOperationWaitRun => SerprogNanoFrames.WaitRunDataLength(_header, 1),
                _ => 0,
            };
            _current.Length = 1 + opcode switch
            {
                SerprogOpcode.SyncNop => 1,
                SerprogOpcode.SpiOperation or SerprogOpcode.ReadNBytes => LittleEndian.ReadUInt24(_header, 4),
                SerprogNanoOpcode.FlashCrc32 => SerprogNanoFrames.CrcReplyLength(SerprogNanoFrames.CrcBlockCount(_header, 1)),
                _ when SerprogCommandTable.IsDefined(opcode) => SerprogCommandTable.ReplyLength(opcode),
                _ => 0,
            };
            _current.NakEnds = opcode != SerprogOpcode.SyncNop; // SYNCNOP alone answers NAK, then ACK.
            _replies.Enqueue(_current);
        }

        private static long NextFlip(long from, List<(long Position, int Bit)> flips)
        {
            long next = long.MaxValue;
            foreach ((long position, _) in flips)
            {
                if (position >= from)
                {
                    next = Math.Min(next, position);
                }
            }

            return next;
        }

        private static int Flip(Span<byte> bytes, long start, List<(long Position, int Bit)> flips)
        {
            int flipped = 0;
            foreach ((long position, int bit) in flips)
            {
                if (position >= start && position < start + bytes.Length)
                {
                    bytes[(int)(position - start)] ^= (byte)(1 << bit);
                    flipped++;
                }
            }

            return flipped;
        }

        private sealed class Reply
        {
            public long Length { get; set; }

            /// <summary>A NAK in place of the ACK ends the reply.</summary>
            public bool NakEnds { get; set; }

            public List<(long Position, int Bit)> Flips { get; } = new();
        }
    }
}
