using System;
using System.IO.Hashing;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using SerprogNano.Protocol;

namespace SerprogNano.TestSupport
{
    /// <summary>
    /// Takes an O_NANO_READ_SPARSE reply (after its ACK) apart as protocol/EXTENSIONS.md lays it out, written from the
    /// specification and not with the host's reader: per group a count, a map, a CRC per piece, then the pieces carried.
    /// Asserts every CRC and map bit on the way.
    /// </summary>
    public static class SparseReplyReader
    {
        /// <param name="receive">Returns exactly the number of bytes asked for, from the device.</param>
        public static (byte[] Data, int Erased, int Groups) TakeApart(Func<int, byte[]> receive, int pieceLength, int pieces)
        {
            var data = new byte[pieceLength * pieces];
            var erasedPiece = new byte[pieceLength];
            Array.Fill(erasedPiece, (byte)0xFF);
            uint erasedCrc = Crc32.HashToUInt32(erasedPiece);
            int erased = 0;
            int groups = 0;
            for (int piece = 0; piece < pieces; groups++)
            {
                byte[] head = receive(5);
                int count = head[0];
                uint map = LittleEndian.ReadUInt32(head, 1);
                Assert.IsTrue(count >= 1 && count <= 30 && count <= pieces - piece, "group size " + count);
                Assert.AreEqual(0u, map >> count, "no map bits past the group");
                byte[] crcs = receive(4 * count);
                for (int i = 0; i < count; i++)
                {
                    Span<byte> bytes = data.AsSpan((piece + i) * pieceLength, pieceLength);
                    uint crc = LittleEndian.ReadUInt32(crcs, 4 * i);
                    if ((map & (1u << i)) != 0)
                    {
                        receive(pieceLength).CopyTo(bytes);
                        Assert.AreNotEqual(erasedCrc, crc, "a piece carried is not erased");
                    }
                    else
                    {
                        bytes.Fill(0xFF);
                        erased++;
                    }

                    Assert.AreEqual(Crc32.HashToUInt32(bytes), crc, "piece " + (piece + i));
                }

                piece += count;
            }

            return (data, erased, groups);
        }

        /// <summary>Pieces of <paramref name="image"/> that are all 0xFF, from <paramref name="start"/>.</summary>
        public static int ErasedPieces(byte[] image, int start, int pieceLength, int pieces)
        {
            int erased = 0;
            for (int i = 0; i < pieces; i++)
            {
                erased += image.AsSpan(start + (i * pieceLength), pieceLength).IndexOfAnyExcept((byte)0xFF) < 0 ? 1 : 0;
            }

            return erased;
        }

        /// <summary>An O_NANO_READ_SPARSE frame: the opcode and O_NANO_CRC32's parameters (their codec is tested on its own), pieces as its blocks.</summary>
        public static byte[] Frame(byte readOpcode, int addressBytes, uint start, int pieceLength, int pieces)
        {
            var frame = new byte[1 + SerprogNanoExtensions.CrcParameterLength];
            frame[0] = SerprogNanoOpcode.SparseRead;
            SerprogNanoFrames.WriteCrcParameters(frame, 1, readOpcode, addressBytes, start, pieceLength, pieces);
            return frame;
        }

        /// <summary>Erased stretches and random ones of a few pieces each, and single bytes almost erased.</summary>
        public static byte[] Patchwork(int size, int pieceLength, int seed)
        {
            byte[] image = new byte[size];
            var random = new Random(seed);
            random.NextBytes(image);
            for (int at = 0; at < size; at += pieceLength * (1 + random.Next(5)))
            {
                int length = Math.Min(pieceLength * random.Next(1, 40), size - at);
                image.AsSpan(at, length).Fill(0xFF);
                at += length;
                if (at < size && random.Next(4) == 0)
                {
                    image[at] = 0xFE;
                }
            }

            return image;
        }
    }
}
