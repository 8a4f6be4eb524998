using System;
using System.Collections.Generic;
using SerprogNano.Chips;
using SerprogNano.Host.Spi;
using SerprogNano.Host.SpiNor.Protection;

namespace SerprogNano.Host.SpiNor
{
    /// <summary>
    /// The operations on one known 25xx chip: read, erase, program, status and block protection.
    /// Past 16 MiB every operation uses the chip's 4-byte opcodes, or EN4B around the operation and
    /// EX4B after it, so the board boots in the mode it expects.
    /// </summary>
    public sealed class SpiNorFlash
    {
        /// <summary>Most bytes per read batch: the host waits once per batch, and reports progress there.</summary>
        private const int ReadBatchBytes = 1 << 20;

        /// <summary>The first and smallest read batch: a third of a second at 115,200 baud.</summary>
        private const int FirstReadBatchBytes = 4096;

        /// <summary>Largest single READ; more pipelined reads cost 11 bytes each, so bigger buys nothing.</summary>
        private const int ReadChunkBytes = 256 * 1024;

        /// <summary>Bytes per program unit on parts without a page buffer (SST AAI runs, byte programs).</summary>
        private const int ByteProgramUnit = 256;

        private readonly PagePipeline _pages;
        private readonly AaiPipeline _aai;

        /// <param name="deviceSide">Flash work the programmer does on its side of the link, or null where it offers none (serprog v1, spidev).</param>
        public SpiNorFlash(ISpiMaster master, ChipDefinition chip, IDeviceSideOperations? deviceSide = null)
        {
            ArgumentNullException.ThrowIfNull(master);
            ArgumentNullException.ThrowIfNull(chip);
            Master = master;
            Chip = chip;
            DeviceSide = deviceSide;
            Addressing = new SpiNorAddressing(chip);
            _pages = new PagePipeline(master, chip, Addressing);
            _aai = new AaiPipeline(master, chip, Addressing);
        }

        public ISpiMaster Master { get; }

        /// <summary>The programmer's device-side operations, or null; <see cref="DeviceSideFlash"/> drives them.</summary>
        public IDeviceSideOperations? DeviceSide { get; }

        public ChipDefinition Chip { get; }

        public SpiNorAddressing Addressing { get; }

        public long Size => Chip.Size;

        /// <summary>
        /// Bytes one program step covers: the page, or an AAI/byte-program run on parts without pages;
        /// a master that cannot send a whole page in one transaction gets the largest power-of-two share of it.
        /// </summary>
        public int ProgramUnit
        {
            get
            {
                int unit = Chip.SstAai || Chip.ByteProgramOnly || Chip.PageSize <= 1 ? ByteProgramUnit : Chip.PageSize;
                int fits = Master.MaxWriteLength - 1 - Addressing.AddressBytes;
                while (unit > fits && unit > 1)
                {
                    unit /= 2;
                }

                return unit;
            }
        }

        /// <summary>Pages (or AAI runs) that had to be programmed again because the chip was still busy.</summary>
        public long ProgramsRetried => _pages.PagesRetried + _aai.RunsRetried;

        public void Read(long address, Memory<byte> destination, IProgress<long>? progress = null)
        {
            CheckRange(address, destination.Length, "read");
            int chunkLimit = Math.Min(Master.MaxReadLength, ReadChunkBytes);
            InAddressMode(() =>
            {
                int done = 0;

                // Batches hold whole chunks, so pacing adds no READ commands on a device with a small read limit.
                int batchUnit = chunkLimit >= FirstReadBatchBytes ? FirstReadBatchBytes : chunkLimit * (FirstReadBatchBytes / chunkLimit);
                int batchBytes = batchUnit;
                var pacer = new BatchPacer(BatchPacer.ReadTarget);
                var batch = new List<SpiTransaction>();
                while (done < destination.Length)
                {
                    batch.Clear();
                    int batchStart = done;
                    int batchEnd = Math.Min(destination.Length, done + batchBytes);
                    while (done < batchEnd)
                    {
                        int chunk = Math.Min(chunkLimit, batchEnd - done);
                        batch.Add(SpiNorCommands.Read(Addressing.ReadOpcode, address + done, Addressing.AddressBytes, 0, destination.Slice(done, chunk)));
                        done += chunk;
                    }

                    pacer.Start();
                    Master.Execute(batch);
                    batchBytes = pacer.Next(done - batchStart, batchUnit, ReadBatchBytes);
                    progress?.Report(done);
                }
            });
        }

        /// <summary>Erases an aligned range with the largest blocks that fit; reports bytes erased.</summary>
        public IReadOnlyList<EraseStep> Erase(long address, long length, IProgress<long>? progress = null)
        {
            CheckRange(address, length, "erase");
            List<EraseStep> steps = EraseBlockSelector.Cover(Addressing.EraseBlocks, address, length);
            EraseBlocks(steps, progress);
            return steps;
        }

        /// <summary>Runs the given block erases one after the other, each polled to its end.</summary>
        public void EraseBlocks(IReadOnlyList<EraseStep> steps, IProgress<long>? progress = null)
        {
            ArgumentNullException.ThrowIfNull(steps);
            InAddressMode(() =>
            {
                long done = 0;
                foreach (EraseStep step in steps)
                {
                    Master.Execute(new[]
                    {
                        SpiNorCommands.WriteEnable(),
                        SpiNorCommands.Erase(Addressing.EraseOpcode(step.Block), step.Address, Addressing.AddressBytes, step.Block.Size),
                    });
                    WriteInProgressPoller.WaitUntilReady(Master, step.Block.MaxTime, step.Block.TypicalTime, "erase of " + step.Block.Size / 1024 + " KiB", step.Address);
                    done += step.Block.Size;
                    progress?.Report(done);
                }
            });
        }

        /// <summary>Programs erased (all-ones) space; reports bytes programmed.</summary>
        public void Program(long address, ReadOnlyMemory<byte> data, IProgress<long>? progress = null)
        {
            CheckRange(address, data.Length, "program");
            var units = new List<PageWrite>();
            long offset = 0;
            while (offset < data.Length)
            {
                long at = address + offset;
                int length = (int)Math.Min(data.Length - offset, ProgramUnit - (at % ProgramUnit));
                units.Add(new PageWrite(at, data.Slice((int)offset, length)));
                offset += length;
            }

            ProgramUnits(units, progress);
        }

        /// <summary>Programs units that each lie inside one <see cref="ProgramUnit"/>, in one pipelined stream.</summary>
        public void ProgramUnits(IReadOnlyList<PageWrite> units, IProgress<long>? progress = null)
        {
            ArgumentNullException.ThrowIfNull(units);
            if (Chip.SstAai)
            {
                _aai.Program(units, progress);
            }
            else
            {
                InAddressMode(() => _pages.Program(units, progress));
            }
        }

        /// <summary>Status register 1, 2 or 3 (RDSR, RDSR2, RDSR3).</summary>
        public byte ReadStatus(int register)
        {
            byte opcode = register switch
            {
                1 => SpiNorOpcodes.ReadStatus,
                2 => SpiNorOpcodes.ReadStatus2,
                3 => SpiNorOpcodes.ReadStatus3,
                _ => throw new ArgumentOutOfRangeException(nameof(register)),
            };
            var value = new byte[1];
            Master.Execute(SpiNorCommands.ReadStatus(opcode, value));
            return value[0];
        }

        /// <summary>Every status register the chip has, register 1 first.</summary>
        public byte[] ReadStatusRegisters()
        {
            var values = new byte[Math.Clamp(Chip.StatusRegisters, 1, 3)];
            for (int i = 0; i < values.Length; i++)
            {
                values[i] = ReadStatus(i + 1);
            }

            return values;
        }

        /// <summary>The block-protect bits now set in status register 1 (0 = nothing protected).</summary>
        public byte ReadProtectionBits() => (byte)(ReadStatus(1) & Chip.ProtectMask);

        /// <summary>
        /// Clears the block-protect bits (and the status-register lock bit 7) of status register 1, every other bit as it
        /// reads; only when the user asks, or on parts that power up protected. Returns what changed ("SR1 0x9C -> 0x00").
        /// </summary>
        public string ClearProtection()
        {
            byte[] before = StatusRegisterWrite.ReadSettled(this);
            byte[] wanted = (byte[])before.Clone();
            wanted[0] &= unchecked((byte)~(Chip.ProtectMask | SpiNorStatusBits.StatusRegisterProtect0));
            byte[] after = StatusRegisterWrite.Write(this, before, wanted, 1, "The chip's WP# pin may be held low with SRWD set: free WP# and try again.");
            return StatusRegisterWrite.Describe(before, after);
        }

        public byte[] ReadSfdp(int address, int length) => ChipProber.ReadSfdp(Master, address, length);

        private void CheckRange(long address, long length, string operation)
        {
            if (address < 0 || length < 0 || address + length > Chip.Size)
            {
                throw new ArgumentOutOfRangeException(nameof(address), "Cannot " + operation + " " + length + " bytes at " + SpiNorCommands.Hex(address) + ": " + Chip.Name + " holds " + Chip.Size + " bytes.");
            }
        }

        /// <summary>EN4B before and EX4B after the operation, on chips that need the mode switch past 16 MiB.</summary>
        internal void InAddressMode(Action operation)
        {
            if (!Addressing.NeedsModeSwitch)
            {
                operation();
                return;
            }

            Master.Execute(SpiNorCommands.Enter4ByteMode());
            try
            {
                operation();
            }
            catch
            {
                TryExit4ByteMode();
                throw;
            }

            Master.Execute(SpiNorCommands.Exit4ByteMode());
        }

        /// <summary>After a failure the link may be gone; the first failure is the one to report.</summary>
        private void TryExit4ByteMode()
        {
            try
            {
                Master.Execute(SpiNorCommands.Exit4ByteMode());
            }
            catch (Exception)
            {
                // Nothing more can be done over a dead link; a power cycle leaves 4-byte mode too.
            }
        }
    }
}
