using System;
using System.IO.Hashing;
using SerprogNano.Host.Spi;
using SerprogNano.Protocol;

namespace SerprogNano.Host.Serprog
{
    /// <summary>
    /// Takes an O_NANO_READ_SPARSE reply apart (protocol/EXTENSIONS.md): group by group, the carried pieces into their
    /// place and 0xFF into the erased ones. Every piece is checked against the CRC-32 the device sent for it, so a byte the
    /// link changed, or a map bit it flipped (which shifts what follows), fails the reply instead of landing in a dump.
    /// </summary>
    public sealed class SparseReadReply
    {
        private readonly Memory<byte> _destination;
        private readonly int _pieceLength;
        private readonly uint _erasedCrc;
        private readonly string _command;
        private readonly byte[] _header = new byte[SerprogNanoFrames.SparseGroupHeaderLength(SerprogNanoExtensions.MaxSparsePiecesPerGroup)];

        /// <param name="destination">A whole number of pieces: where the run's bytes go.</param>
        internal SparseReadReply(Memory<byte> destination, int pieceLength, string command)
        {
            _destination = destination;
            _pieceLength = pieceLength;
            _command = command;
            _erasedCrc = ErasedFlash.Crc32Of(pieceLength);
        }

        /// <summary>Pieces the device left off the link as erased.</summary>
        public int ErasedPieces { get; private set; }

        internal void Read(ReplyBytes read)
        {
            int pieceCount = _destination.Length / _pieceLength;
            int piece = 0;
            while (piece < pieceCount)
            {
                read(_header.AsSpan(0, SerprogNanoExtensions.SparseGroupFixedLength));
                int pieces = SerprogNanoFrames.SparseGroupPieces(_header, 0);
                uint carried = SerprogNanoFrames.SparseGroupCarried(_header, 0);
                if (pieces < 1 || pieces > SerprogNanoExtensions.MaxSparsePiecesPerGroup || pieces > pieceCount - piece || (carried >> pieces) != 0)
                {
                    throw Damaged("a group header of " + pieces + " pieces with map 0x" + carried.ToString("X8") + " where " + (pieceCount - piece) + " pieces were left");
                }

                read(_header.AsSpan(SerprogNanoExtensions.SparseGroupFixedLength, SerprogNanoFrames.SparseGroupHeaderLength(pieces) - SerprogNanoExtensions.SparseGroupFixedLength));
                for (int i = 0; i < pieces; i++)
                {
                    Span<byte> bytes = _destination.Span.Slice((piece + i) * _pieceLength, _pieceLength);
                    uint crc = SerprogNanoFrames.SparseGroupCrc(_header, 0, i);
                    if ((carried & (1u << i)) != 0)
                    {
                        read(bytes);
                        if (Crc32.HashToUInt32(bytes) != crc)
                        {
                            throw Damaged("piece " + (piece + i) + " does not match its CRC-32");
                        }
                    }
                    else
                    {
                        if (crc != _erasedCrc)
                        {
                            throw Damaged("piece " + (piece + i) + " is marked erased but its CRC-32 is not an erased piece's");
                        }

                        bytes.Fill(ErasedFlash.Value);
                        ErasedPieces++;
                    }
                }

                piece += pieces;
            }
        }

        private SerprogException Damaged(string what)
        {
            return new SerprogException(_command, "The reply to " + _command + " was damaged on the link: " + what + ".");
        }
    }
}
