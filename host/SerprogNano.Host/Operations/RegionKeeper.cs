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
    /// share an erase block with a region are read a second time before the first change and kept once two reads agree.
    /// </summary>
    internal sealed class RegionKeeper
    {
        /// <summary>Regions as [start, end) offsets into the range, sorted, joined where they touch.</summary>
        private readonly List<(int Start, int End)> _regions;
        private readonly long _address;

        /// <summary>The chip before the first change, corrected where a second read of a shared block disagreed with the first.</summary>
        private readonly byte[] _before;
        private readonly BitArray _confirmed;

        private RegionKeeper(long address, ReadOnlySpan<byte> before, IReadOnlyList<FlashRegion> regions)
        {
            int length = before.Length;
            _address = address;
            _before = before.ToArray();
            _confirmed = new BitArray(length);
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
        public static RegionKeeper? For(long address, ReadOnlySpan<byte> before, WriteOptions options)
        {
            return options.Regions == null ? null : new RegionKeeper(address, before, options.Regions);
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

        /// <summary>The erase blocks, as [start, end) offsets, that hold a byte outside the regions where <paramref name="read"/> differs from the chip before the write.</summary>
        public List<(int Start, int End)> ChangedOutside(ReadOnlySpan<byte> read, int blockSize)
        {
            var changed = new List<(int Start, int End)>();
            for (int start = 0; start < read.Length; start += blockSize)
            {
                int end = Math.Min(start + blockSize, read.Length);
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
            BlockRereader.Settle(flash, _address + start, read.AsSpan(start, end - start), again, out int unconfirmed);
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
