using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using SerprogNano.Host.Layout;
using SerprogNano.Host.Remedies;
using SerprogNano.Host.SpiNor;

namespace SerprogNano.Host.Operations
{
    /// <summary>
    /// A write of chosen regions (flashrom's -i): the chip must hold the image inside them and, outside, the bytes the
    /// settled first read found (the backup), never those of a later read: an erase a noisy link moved outside the
    /// regions, or a round that failed halfway, must be repaired, not taken for what was there. Bytes outside that
    /// share an erase block with a region are read a second time before the first change and kept once three reads agree.
    /// A block wholly outside the regions that no plan of this write erased or programmed is repaired only when it reads
    /// erased (the mark of an erase a flipped address bit sent there); any other difference there may as well be a wrong
    /// read before the write, so nothing is written there and the write fails naming it.
    /// </summary>
    internal sealed class RegionKeeper
    {
        /// <summary>Regions as [start, end) offsets into the range, sorted, joined where they touch.</summary>
        private readonly List<(int Start, int End)> _regions;
        private readonly long _address;

        /// <summary>The chip before the first change, corrected where a second read of a shared block disagreed with the first.</summary>
        private readonly byte[] _before;
        private readonly BitArray _confirmed;

        /// <summary>The smallest erase block: the unit in which the chip can change without being told to program.</summary>
        private readonly int _blockSize;

        /// <summary>Per block of <see cref="_blockSize"/>: a plan of this write erased or programmed in it.</summary>
        private readonly BitArray _touched;

        private RegionKeeper(long address, ReadOnlySpan<byte> before, IReadOnlyList<FlashRegion> regions, int blockSize)
        {
            int length = before.Length;
            _address = address;
            _before = before.ToArray();
            _confirmed = new BitArray(length);
            _blockSize = blockSize;
            _touched = new BitArray((length + blockSize - 1) / blockSize);
            _regions = new List<(int Start, int End)>();
            foreach (FlashRegion region in regions.OrderBy(region => region.Start))
            {
                int start = (int)Math.Clamp(region.Start - address, 0, length);
                int end = (int)Math.Clamp(region.End + 1 - address, 0, length);
                if (end <= start)
                {
                    continue;
                }

                if (_regions.Count > 0 && _regions[^1].End >= start)
                {
                    _regions[^1] = (_regions[^1].Start, Math.Max(_regions[^1].End, end));
                }
                else
                {
                    _regions.Add((start, end));
                }
            }
        }

        /// <summary>The keeper of a region write given the settled read before any change, or null when the whole range is written.</summary>
        /// <param name="blockSize">The chip's smallest erase block.</param>
        public static RegionKeeper? For(long address, ReadOnlySpan<byte> before, WriteOptions options, int blockSize)
        {
            return options.Regions == null ? null : new RegionKeeper(address, before, options.Regions, blockSize);
        }

        /// <summary>Notes the blocks <paramref name="plan"/> erases or programs, before it runs: a plan cut short has touched them too.</summary>
        public void Touch(WritePlan plan)
        {
            foreach (EraseStep erase in plan.Erases)
            {
                MarkTouched(erase.Address, erase.Block.Size);
            }

            foreach (PageWrite program in plan.Programs)
            {
                MarkTouched(program.Address, program.Data.Length);
            }
        }

        /// <summary>
        /// <paramref name="read"/> as a plan may use it: in every block wholly outside the regions that no plan touched and
        /// that differs from the chip before the write without reading erased, the bytes from before, so nothing is planned there.
        /// </summary>
        public byte[] WithoutUnexplainedChanges(byte[] read)
        {
            List<(int Start, int End)> unexplained = UnexplainedChanges(read);
            return unexplained.Count == 0 ? read : WithBeforeIn(read, unexplained);
        }

        private byte[] WithBeforeIn(ReadOnlySpan<byte> read, List<(int Start, int End)> blocks)
        {
            byte[] plannable = read.ToArray();
            foreach ((int start, int end) in blocks)
            {
                _before.AsSpan(start, end - start).CopyTo(plannable.AsSpan(start));
            }

            return plannable;
        }

        /// <summary>
        /// Throws when <paramref name="read"/> differs from <paramref name="target"/> only in blocks no plan touched that do
        /// not read erased: another round would change nothing there, and the user must hear that nothing was written there.
        /// </summary>
        public void ThrowIfOnlyUnexplainedChanges(ReadOnlySpan<byte> target, ReadOnlySpan<byte> read)
        {
            List<(int Start, int End)> unexplained = UnexplainedChanges(read);
            if (unexplained.Count == 0 || !WithBeforeIn(read, unexplained).AsSpan().SequenceEqual(target))
            {
                return;
            }

            (int first, _) = unexplained[0];
            int at = first + read[first..].CommonPrefixLength(_before.AsSpan(first));
            var found = FlashVerifier.Difference(_address, target, read)!;
            throw new VerifyFailedException(
                found,
                "Verify failed outside the regions: " + unexplained.Count + " erase block(s) that this write never erased or programmed now read differently from the reads before it: " + Name(unexplained)
                + " (at " + SpiNorCommands.Hex(_address + at) + " 0x" + _before[at].ToString("X2") + " before, 0x" + read[at].ToString("X2") + " now). Nothing was written there: a wrong read before "
                + "the write (the link flipped the same bits more than once) looks the same as a command gone astray, and rewriting them from that read could damage them. The regions hold the image. "
                + "Compare those blocks with a dump taken before this write (or its backup); restore them from it only if they differ.")
            {
                Conclusive = true,
                Remedies = new[] { Remedy.LowerSpiSpeed },
            };
        }

        /// <summary>Blocks, as [start, end) offsets, by their chip addresses: the first eight, then how many more.</summary>
        public string Name(List<(int Start, int End)> blocks)
        {
            const int Named = 8;
            return string.Join(", ", blocks.Take(Named).Select(block => SpiNorCommands.Hex(_address + block.Start) + "-" + SpiNorCommands.Hex(_address + block.End - 1)))
                + (blocks.Count > Named ? " and " + (blocks.Count - Named) + " more" : "");
        }

        /// <summary>What the chip must hold: the image in the regions, the chip as it was before the write elsewhere.</summary>
        public byte[] Target(ReadOnlySpan<byte> image)
        {
            byte[] target = (byte[])_before.Clone();
            foreach ((int start, int end) in _regions)
            {
                image[start..end].CopyTo(target.AsSpan(start));
            }

            return target;
        }

        /// <summary>The smallest erase blocks, as [start, end) offsets, that hold a byte outside the regions where <paramref name="read"/> differs from the chip before the write.</summary>
        public List<(int Start, int End)> ChangedOutside(ReadOnlySpan<byte> read)
        {
            var changed = new List<(int Start, int End)>();
            for (int start = 0; start < read.Length; start += _blockSize)
            {
                int end = Math.Min(start + _blockSize, read.Length);
                if (read[start..end].SequenceEqual(_before.AsSpan(start, end - start)))
                {
                    continue;
                }

                for (int i = start; i < end; i++)
                {
                    if (read[i] != _before[i] && !InRegion(i))
                    {
                        changed.Add((start, end));
                        break;
                    }
                }
            }

            return changed;
        }

        /// <summary>
        /// Before the first change only: reads again the bytes outside the regions in every block <paramref name="plan"/>
        /// erases (those not confirmed yet) and keeps them once two reads agree. Returns false when the second look
        /// corrected <paramref name="read"/>: plan again from it. Throws, before anything is erased, when no two reads agree.
        /// </summary>
        public bool Confirm(SpiNorFlash flash, WritePlan plan, byte[] read)
        {
            bool unchanged = true;
            foreach (EraseStep erase in plan.Erases)
            {
                int blockStart = (int)(erase.Address - _address);
                int blockEnd = blockStart + erase.Block.Size;
                int position = blockStart;
                while (position < blockEnd)
                {
                    if (!NeedsKeeping(position))
                    {
                        position++;
                        continue;
                    }

                    int runEnd = position;
                    while (runEnd < blockEnd && NeedsKeeping(runEnd))
                    {
                        runEnd++;
                    }

                    unchanged &= KeepRun(flash, read, position, runEnd);
                    position = runEnd;
                }
            }

            return unchanged;
        }

        private bool NeedsKeeping(int offset) => !InRegion(offset) && !_confirmed[offset];

        private void MarkTouched(long chipAddress, int length)
        {
            long first = Math.Max(0, chipAddress - _address);
            long end = Math.Min(_before.Length, chipAddress - _address + length);
            for (long block = first / _blockSize; block * _blockSize < end; block++)
            {
                _touched[(int)block] = true;
            }
        }

        /// <summary>Blocks, as [start, end) offsets, wholly outside the regions and untouched, where <paramref name="read"/> differs from before the write without reading erased.</summary>
        private List<(int Start, int End)> UnexplainedChanges(ReadOnlySpan<byte> read)
        {
            var unexplained = new List<(int Start, int End)>();
            for (int block = 0; block < _touched.Length; block++)
            {
                int start = block * _blockSize;
                int end = Math.Min(start + _blockSize, read.Length);
                ReadOnlySpan<byte> now = read[start..end];
                if (!_touched[block] && !OverlapsRegion(start, end) && !now.SequenceEqual(_before.AsSpan(start, end - start)) && now.ContainsAnyExcept((byte)0xFF))
                {
                    unexplained.Add((start, end));
                }
            }

            return unexplained;
        }

        private bool OverlapsRegion(int start, int end)
        {
            foreach ((int regionStart, int regionEnd) in _regions)
            {
                if (regionStart < end && start < regionEnd)
                {
                    return true;
                }
            }

            return false;
        }

        private bool InRegion(int offset)
        {
            foreach ((int start, int end) in _regions)
            {
                if (offset >= start && offset < end)
                {
                    return true;
                }
            }

            return false;
        }

        private bool KeepRun(SpiNorFlash flash, byte[] read, int start, int end)
        {
            var again = new byte[end - start];
            flash.Read(_address + start, again);
            BlockRereader.Settle(flash, _address + start, read.AsSpan(start, end - start), again, out int unconfirmed, agreeing: 3);
            if (unconfirmed > 0)
            {
                throw new SpiNorException(
                    "write", _address + start,
                    "The bytes at " + SpiNorCommands.Hex(_address + start) + "-" + SpiNorCommands.Hex(_address + end - 1) + " lie outside the regions being written but share an erase block with them, "
                    + "and no two reads of them agreed: they cannot be kept safely over this link. Nothing was erased there. Check the wiring and run the same write again.")
                {
                    Remedies = new[] { Remedy.LowerSpiSpeed },
                };
            }

            again.CopyTo(_before, start);
            for (int i = start; i < end; i++)
            {
                _confirmed[i] = true;
            }

            bool same = again.AsSpan().SequenceEqual(read.AsSpan(start, end - start));
            again.CopyTo(read, start);
            return same;
        }
    }
}
