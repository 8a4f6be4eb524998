using System;
using System.Collections.Generic;
using System.Linq;
using SerprogNano.Chips;
using SerprogNano.Host.Spi;

namespace SerprogNano.Host.SpiNor
{
    /// <summary>
    /// A flash chip driven through its programmer's device-side operations (the SerprogNano extensions): erases and
    /// page programs waited for on the device, and CRC-32 of chip ranges computed there.
    /// </summary>
    public sealed class DeviceSideFlash
    {
        /// <summary>Page programs per pipelined batch: 64 KiB between progress reports and drained pipelines.</summary>
        private const int PagesPerBatch = 256;

        /// <summary>Erases per pipelined batch: a whole chip's erase reports its progress.</summary>
        private const int ErasesPerBatch = 16;

        /// <summary>Bytes of CRCs asked for between progress reports.</summary>
        private const int BytesPerProgressStep = 1024 * 1024;

        private readonly IDeviceSideOperations _device;

        private DeviceSideFlash(SpiNorFlash flash, IDeviceSideOperations device)
        {
            Flash = flash;
            _device = device;
        }

        public SpiNorFlash Flash { get; }

        /// <summary>The smallest erase block: the unit CRCs are planned and checked in.</summary>
        public int BlockSize => Flash.Addressing.EraseBlocks.Min(block => block.Size);

        /// <summary>
        /// The device-side view of <paramref name="flash"/>, or null where its programmer has no device-side operations
        /// or the chip does not program in pages (SST AAI, byte-program parts keep the serprog v1 path).
        /// </summary>
        public static DeviceSideFlash? For(SpiNorFlash flash)
        {
            ArgumentNullException.ThrowIfNull(flash);
            IDeviceSideOperations? device = flash.DeviceSide;
            bool pages = !flash.Chip.SstAai && !flash.Chip.ByteProgramOnly && flash.Chip.PageSize > 1 && flash.Addressing.EraseBlocks.Count > 0;
            return device != null && pages ? new DeviceSideFlash(flash, device) : null;
        }

        /// <summary>CRC-32 of each <see cref="BlockSize"/> block of [address, address + length), which must be whole blocks.</summary>
        public uint[] BlockCrcs(long address, long length, IProgress<long>? progress = null) => Crcs(address, length, BlockSize, progress);

        /// <summary>
        /// CRC-32 of each <paramref name="pieceSize"/> bytes of [address, address + length), which must be whole pieces, asked
        /// for a mebibyte at a time: <paramref name="progress"/> counts the bytes checked (on an ESP32 a whole chip takes many
        /// seconds), at the cost of one drained pipeline per step.
        /// </summary>
        public uint[] Crcs(long address, long length, int pieceSize, IProgress<long>? progress = null)
        {
            var crcs = new uint[length / pieceSize];
            long step = Math.Max(BytesPerProgressStep / pieceSize, 1) * (long)pieceSize;
            Flash.InAddressMode(() =>
            {
                for (long done = 0; done < length; done += step)
                {
                    long part = Math.Min(step, length - done);
                    _device.Crc32(Flash.Addressing.ReadOpcode, Flash.Addressing.AddressBytes, address + done, pieceSize, crcs.AsSpan((int)(done / pieceSize), (int)(part / pieceSize)));
                    progress?.Report(done + part);
                }
            });
            return crcs;
        }

        /// <summary>Whether the programmer reads leaving erased pieces off the link (<see cref="ReadSkippingErased"/>).</summary>
        public bool ReadsSkippingErased => _device.ReadsSkippingErased;

        /// <summary>
        /// Reads [address, address + destination.Length), whole pieces of <paramref name="pieceSize"/>, with only the pieces
        /// that are not erased carried over the link (each checked by its CRC-32); returns the bytes not carried.
        /// </summary>
        public long ReadSkippingErased(long address, Memory<byte> destination, int pieceSize)
        {
            long erased = 0;
            Flash.InAddressMode(() => erased = _device.ReadSkippingErased(Flash.Addressing.ReadOpcode, Flash.Addressing.AddressBytes, address, pieceSize, destination));
            return erased;
        }

        /// <summary>
        /// Runs the erases and page programs block by block (<see cref="PlanStep.Interleave"/>), each waited for on the device,
        /// pipelined: the pages behind an erase cross the link while the chip erases. A time-out is an error naming the step;
        /// <paramref name="progress"/> counts the <see cref="PlanStep.Weights"/> of the steps done: the chip's bytes changed so far.
        /// </summary>
        public void EraseAndProgram(IReadOnlyList<EraseStep> erases, IReadOnlyList<PageWrite> programs, IProgress<long>? progress)
        {
            List<PlanStep> steps = PlanStep.Interleave(erases, programs);
            var operations = steps.Select(step => step.IsErase ? Erase(erases[step.Index]) : Program(programs[step.Index])).ToList();
            Run(steps, operations, PlanStep.Weights(steps, erases, programs), progress);
        }

        private WaitedOperation Erase(EraseStep step)
        {
            return new WaitedOperation(
                SpiNorOpcodes.WriteEnable,
                SpiNorCommands.Erase(Flash.Addressing.EraseOpcode(step.Block), step.Address, Flash.Addressing.AddressBytes, step.Block.Size).Write,
                SpiNorOpcodes.ReadStatus,
                SpiNorStatusBits.WriteInProgress,
                step.Block.MaxTime,
                "erase of " + step.Block.Size / 1024 + " KiB at " + SpiNorCommands.Hex(step.Address));
        }

        private WaitedOperation Program(PageWrite unit)
        {
            SpiTransaction program = SpiNorCommands.PageProgram(Flash.Addressing.ProgramOpcode, unit.Address, Flash.Addressing.AddressBytes, unit.Data.Span);
            return new WaitedOperation(SpiNorOpcodes.WriteEnable, program.Write, SpiNorOpcodes.ReadStatus, SpiNorStatusBits.WriteInProgress, Flash.Chip.Timings.PageProgramMax, program.Label ?? "page program");
        }

        private void Run(List<PlanStep> steps, List<WaitedOperation> operations, long[] weights, IProgress<long>? progress)
        {
            Flash.InAddressMode(() =>
            {
                long done = 0;
                for (int start = 0; start < operations.Count;)
                {
                    int count = BatchLength(steps, start);
                    IReadOnlyList<DeviceWaitOutcome> outcomes = _device.ExecuteWithWait(operations.GetRange(start, count));
                    for (int i = 0; i < count; i++)
                    {
                        if (outcomes[i].TimedOut)
                        {
                            throw TimedOut(operations[start + i], outcomes[i].LastStatus);
                        }

                        done += weights[start + i];
                    }

                    progress?.Report(done);
                    start += count;
                }
            });
        }

        /// <summary>
        /// Steps in the batch from <paramref name="start"/>: up to <see cref="PagesPerBatch"/> page programs and
        /// <see cref="ErasesPerBatch"/> erases. A batch drains the pipeline at its end: one that would end on an erase, with
        /// pages before it, leaves that erase to the next batch, which sends the erase's pages behind it (and the link is not
        /// idle while the chip erases).
        /// </summary>
        private static int BatchLength(List<PlanStep> steps, int start)
        {
            int end = start;
            int erases = 0;
            for (; end < steps.Count; end++)
            {
                if (steps[end].IsErase ? erases == ErasesPerBatch : end - start - erases == PagesPerBatch)
                {
                    break;
                }

                erases += steps[end].IsErase ? 1 : 0;
            }

            if (end < steps.Count && end - start > erases && steps[end - 1].IsErase)
            {
                end--;
            }

            return end - start;
        }

        /// <summary>
        /// A wait the programmer gave up on. The chip is asked again over the link before anyone is blamed: ready now,
        /// the programmer polled what the link made of the command (a flipped status opcode reads 0xFF, a flipped
        /// time-out ends early), so the cable or the baud rate is at fault, not the clip or the chip's supply.
        /// </summary>
        private SpiNorException TimedOut(WaitedOperation failed, byte lastStatus)
        {
            byte now = Flash.ReadStatus(1);
            string what = "The programmer reported the chip still busy (status 0x" + lastStatus.ToString("X2") + ") " + failed.Timeout.TotalMilliseconds + " ms after the " + failed.Label;
            return (now & SpiNorStatusBits.WriteInProgress) == 0
                ? new SpiNorException(failed.Label, null, what + ", but the chip reads ready (status 0x" + now.ToString("X2") + "): the command or its reply was damaged on the link "
                    + "between this computer and the programmer, not at the chip. Write again (the write's verify shows what is on the chip); if it recurs, use a shorter "
                    + "USB cable without a hub, or a lower baud rate.")
                : new SpiNorException(failed.Label, null, what + ", and it still reads busy (status 0x" + now.ToString("X2") + "), longer than its data sheet allows: "
                    + "check the clip and the chip's supply, then write again (the write's verify shows what is on the chip).");
        }
    }
}
