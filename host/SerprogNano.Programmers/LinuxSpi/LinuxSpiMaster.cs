using System;
using System.Collections.Generic;
using System.Device.Spi;
using SerprogNano.Host.Spi;
using SerprogNano.Protocol;
using SerprogNano.Spidev;

namespace SerprogNano.Programmers.LinuxSpi
{
    /// <summary>
    /// The SPI bus of a Linux spidev node (flashprog's linux_spi). spidev holds chip select for one
    /// transfer only, so each transaction is one full-duplex transfer of its write and read phases
    /// together, the read bytes being the tail of what came in; none may exceed the kernel's bufsiz.
    /// </summary>
    public sealed class LinuxSpiMaster : ISpiMaster, IDisposable
    {
        /// <summary>
        /// Room each phase leaves for the other within one transfer: a read's longest command (opcode,
        /// 4 address bytes, a dummy byte), or the short answer (a status byte) after a long write.
        /// </summary>
        public const int PhaseReserve = 6;

        private readonly SpidevConnection _spidev;
        private readonly byte[] _out;
        private readonly byte[] _in;

        public LinuxSpiMaster(SpiDevice device, string devicePath, int transferLimit, BoardKind board)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(transferLimit, 2 * PhaseReserve);
            _spidev = new SpidevConnection(device, devicePath, transferLimit);
            Board = board;
            _out = new byte[transferLimit];
            _in = new byte[transferLimit];
        }

        public string DevicePath => _spidev.DevicePath;

        /// <summary>spidev's bufsiz: the most bytes one transfer (one chip-select cycle) may clock.</summary>
        public int TransferLimit => _spidev.TransferLimit;

        public BoardKind Board { get; }

        /// <summary>The clock the device was opened with.</summary>
        public uint ClockHz => _spidev.ClockHz;

        public string Description => "linux_spi " + DevicePath;

        public int MaxWriteLength => TransferLimit - PhaseReserve;

        public int MaxReadLength => TransferLimit - PhaseReserve;

        /// <summary>Opens <paramref name="devicePath"/> on <paramref name="system"/> at <paramref name="clockHz"/>, SPI mode 0.</summary>
        public static LinuxSpiMaster Open(SpidevSystem system, string devicePath, uint clockHz)
        {
            ArgumentNullException.ThrowIfNull(system);
            BoardKind board = system.DetectBoard();
            SpidevPath path = system.Locate(devicePath, board);
            return new LinuxSpiMaster(system.Open(path, clockHz), devicePath, system.ReadBufferSize(), board);
        }

        public void Execute(IReadOnlyList<SpiTransaction> batch)
        {
            ArgumentNullException.ThrowIfNull(batch);
            for (int i = 0; i < batch.Count; i++)
            {
                Transfer(batch[i]);
            }
        }

        public void Dispose() => _spidev.Dispose();

        private void Transfer(SpiTransaction transaction)
        {
            int writeLength = transaction.Write.Length;
            int length = writeLength + transaction.Read.Length;
            _spidev.RequireOneTransfer(length, transaction.Label);
            transaction.Write.Span.CopyTo(_out);
            if (transaction.Read.IsEmpty)
            {
                _spidev.Write(_out.AsSpan(0, length), transaction.Label);
            }
            else
            {
                _out.AsSpan(writeLength, transaction.Read.Length).Fill(IdleBytes.Value);
                _spidev.Transfer(_out.AsSpan(0, length), _in.AsSpan(0, length), transaction.Label);
                _in.AsSpan(writeLength, transaction.Read.Length).CopyTo(transaction.Read.Span);
            }
        }
    }
}
