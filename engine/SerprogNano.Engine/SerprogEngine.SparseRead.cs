using System;
using SerprogNano.Protocol;

namespace SerprogNano.Engine
{
    /// <summary>O_NANO_READ_SPARSE (protocol/EXTENSIONS.md): a read that leaves the erased pieces off the link.</summary>
    public partial class SerprogEngine
    {
        /// <summary>
        /// Room at the start of the data buffer for a group header (at most 125 bytes), word-aligned so that the SPI
        /// transfer behind it starts on a word as DMA wants; the header is written just before the pieces it describes and
        /// leaves with them in one serial write.
        /// </summary>
        private const int SparseHeaderRoom = 128;

        /// <summary>
        /// Reads the run of pieces under one read command, a group of as many as the buffer holds per SPI transfer; sends
        /// each group as its header (count, map of the pieces carried, every piece's CRC-32) and then only the pieces whose
        /// CRC is not that of an erased piece, moved up behind the header, in one write.
        /// </summary>
        private void HandleSparseRead()
        {
            int room = _bufferSize - SparseHeaderRoom;
            int largest = room < SerprogNanoExtensions.MaxSparsePieceLength ? room : SerprogNanoExtensions.MaxSparsePieceLength;
            if (!BeginBlockRun(SerprogNanoOpcode.SparseRead, largest))
            {
                return;
            }

            int pieceLength = SerprogNanoFrames.CrcBlockLength(_parameters, 0);
            int pieceCount = SerprogNanoFrames.CrcBlockCount(_parameters, 0);
            int perGroup = room / pieceLength;
            perGroup = perGroup < SerprogNanoExtensions.MaxSparsePiecesPerGroup ? perGroup : SerprogNanoExtensions.MaxSparsePiecesPerGroup;

            // What an erased piece's CRC is, from idle bytes (0xFF) in the room the first group will overwrite.
            IdleBytes.Fill(_data, pieceLength);
            uint erased = _crc.Compute(_data, 0, pieceLength);

            int piece = 0;
            while (piece < pieceCount)
            {
                int pieces = pieceCount - piece < perGroup ? pieceCount - piece : perGroup;
                _spi.Read(_data, SparseHeaderRoom, pieces * pieceLength);
                int header = SparseHeaderRoom - SerprogNanoFrames.SparseGroupHeaderLength(pieces);
                int end = SparseHeaderRoom;
                uint carried = 0;
                for (int i = 0; i < pieces; i++)
                {
                    int at = SparseHeaderRoom + (i * pieceLength);
                    uint crc = _crc.Compute(_data, at, pieceLength);
                    SerprogNanoFrames.WriteSparseGroupCrc(_data, header, i, crc);
                    if (crc != erased)
                    {
                        carried |= 1u << i;
                        if (at != end)
                        {
                            // Up by whole pieces over erased ones, so the two ranges never overlap.
                            Array.Copy(_data, at, _data, end, pieceLength);
                        }

                        end += pieceLength;
                    }
                }

                SerprogNanoFrames.WriteSparseGroupHeader(_data, header, pieces, carried);
                _link.Write(_data, header, end - header);
                piece += pieces;
            }

            _spi.SetChipSelect(false);
        }
    }
}
