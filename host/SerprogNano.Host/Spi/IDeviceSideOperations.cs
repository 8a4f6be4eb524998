using System;
using System.Collections.Generic;

namespace SerprogNano.Host.Spi
{
    /// <summary>
    /// Flash work a programmer can do on its own side of the link (the SerprogNano extensions): waiting for a status
    /// register and checksumming the chip, so neither costs a round trip or the data on the link.
    /// </summary>
    public interface IDeviceSideOperations
    {
        /// <summary>
        /// CRC-32 (IEEE, as System.IO.Hashing.Crc32) of <paramref name="crcs"/>.Length consecutive blocks of
        /// <paramref name="blockLength"/> bytes from <paramref name="start"/>, read with <paramref name="readOpcode"/>
        /// (no dummy cycles) and <paramref name="addressBytes"/>-byte addresses.
        /// </summary>
        void Crc32(byte readOpcode, int addressBytes, long start, int blockLength, Span<uint> crcs);

        /// <summary>Whether <see cref="ReadSkippingErased"/> is offered (older SerprogNano firmware has only the CRC).</summary>
        bool ReadsSkippingErased { get; }

        /// <summary>
        /// Reads <paramref name="destination"/> (a whole number of <paramref name="pieceLength"/> pieces) from
        /// <paramref name="start"/>: the programmer sends only the pieces whose CRC-32 is not that of an erased piece, each
        /// checked here against its CRC, and the erased ones are filled with 0xFF. Returns the bytes not carried.
        /// </summary>
        long ReadSkippingErased(byte readOpcode, int addressBytes, long start, int pieceLength, Memory<byte> destination);

        /// <summary>
        /// Runs each operation (after its write enable) and waits on the device until its status mask clears;
        /// returns one outcome per operation, in order. Operations after a timed-out one may not run (a run of them stops
        /// there): their outcome is damaged, as is that of an operation the link damaged. Neither is an exception: the
        /// outcome says whether it ran is unknown, and the caller finds what it left undone by CRC.
        /// </summary>
        IReadOnlyList<DeviceWaitOutcome> ExecuteWithWait(IReadOnlyList<WaitedOperation> operations);
    }
}
