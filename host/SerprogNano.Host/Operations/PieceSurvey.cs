using System;
using System.IO.Hashing;
using SerprogNano.Host.Spi;
using SerprogNano.Host.SpiNor;

namespace SerprogNano.Host.Operations
{
    /// <summary>
    /// What a range of the chip holds, told by the programmer's CRC-32 of every piece of 2 KiB (SerprogNano
    /// extensions) instead of its bytes on the link: which erase blocks are erased (every piece has the CRC of 2 KiB
    /// of 0xFF) and which equal an image's (every piece has the image's CRC). EXTENSIONS.md, "Erased and unchanged
    /// blocks", gives the odds of a block wrongly taken so and the case it does not cover.
    /// </summary>
    public sealed class PieceSurvey
    {
        /// <summary>
        /// Bytes per CRC, in a survey and in a sparse read: two checks per 4 KiB block, each of which a difference from the
        /// expected bytes must pass with odds of 2^-32 whatever the piece's length. A programmer computes a CRC per piece,
        /// which on an ESP32's interpreter costs about a millisecond a call: 512-byte pieces kept the firmware busier than
        /// the link (a sparse read at 155 KiB/s against the link's 195; a survey of 8 MiB 14.8 s). 2 KiB still leaves an
        /// erased half of a 4 KiB block off the link, and fits a 4 KiB engine buffer.
        /// </summary>
        public const int PieceSize = 2048;

        /// <summary>What progress calls a survey.</summary>
        public static readonly string Phase = WritePhase.Survey(PieceSize);

        private readonly long _address;
        private readonly uint[] _crcs;
        private readonly uint _erasedCrc;

        private PieceSurvey(long address, int blockSize, int pieceSize, uint[] crcs)
        {
            _address = address;
            BlockSize = blockSize;
            Piece = pieceSize;
            _crcs = crcs;
            _erasedCrc = ErasedFlash.Crc32Of(pieceSize);
        }

        /// <summary>The erase block size the survey answers for.</summary>
        public int BlockSize { get; }

        /// <summary>Bytes per CRC: <see cref="PieceSize"/>, or the block where a block is smaller or not made of such pieces.</summary>
        public int Piece { get; }

        /// <summary>Blocks surveyed.</summary>
        public int Blocks => _crcs.Length / PiecesPerBlock;

        private int PiecesPerBlock => BlockSize / Piece;

        /// <summary>Asks the programmer for the CRC of every piece of [address, address + length), whole erase blocks.</summary>
        public static PieceSurvey Take(DeviceSideFlash device, long address, int length, IProgress<long>? progress = null)
        {
            ArgumentNullException.ThrowIfNull(device);
            int blockSize = device.BlockSize;
            int piece = PieceFor(blockSize);
            return new PieceSurvey(address, blockSize, piece, device.Crcs(address, length, piece, progress));
        }

        /// <summary>The CRC of each piece of <paramref name="data"/> as a survey of blocks of <paramref name="blockSize"/> would take it.</summary>
        public static uint[] LocalCrcs(ReadOnlySpan<byte> data, int blockSize) => CrcFlashWriter.LocalCrcs(data, PieceFor(blockSize));

        /// <summary>Every piece of the block has the CRC of erased bytes.</summary>
        public bool IsErased(int block) => All(block, null);

        /// <summary>Every piece of the block has the CRC of the same piece of the image whose <see cref="LocalCrcs"/> are given.</summary>
        public bool Matches(int block, uint[] imagePieceCrcs)
        {
            ArgumentNullException.ThrowIfNull(imagePieceCrcs);
            return All(block, imagePieceCrcs);
        }

        /// <summary>The piece a survey of erase blocks of <paramref name="blockSize"/> takes a CRC of.</summary>
        public static int PieceFor(int blockSize) => blockSize % PieceSize == 0 ? PieceSize : blockSize;

        /// <summary>The bytes of <paramref name="block"/> have the CRCs the survey took of its pieces.</summary>
        public bool Describes(int block, ReadOnlySpan<byte> bytes)
        {
            for (int i = 0; i < PiecesPerBlock; i++)
            {
                if (Crc32.HashToUInt32(bytes.Slice(i * Piece, Piece)) != _crcs[(block * PiecesPerBlock) + i])
                {
                    return false;
                }
            }

            return true;
        }

        private bool All(int block, uint[]? expected)
        {
            int first = block * PiecesPerBlock;
            for (int i = first; i < first + PiecesPerBlock; i++)
            {
                if (_crcs[i] != (expected?[i] ?? _erasedCrc))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
