using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using SerprogNano.Host.Layout;
using SerprogNano.Host.SpiNor;

namespace SerprogNano.Host.Operations
{
    /// <summary>
    /// A write of chosen regions (flashrom's -i): the chip must hold the image inside them and its own bytes outside.
    /// Bytes outside are rewritten only where an erase block is shared with a region, and only once a second read
    /// agrees with the first; from then on they are kept for every later round, so a round that fails halfway (a
    /// dropped program in a shared block) cannot make the damage pass for what was there.
    /// </summary>
    internal sealed class RegionKeeper
    {
        /// <summary>Regions as [start, end) offsets into the range, sorted, joined where they touch.</summary>
        private readonly List<(int Start, int End)> _regions;
        private readonly long _address;
        private byte[]? _keptBytes;
        private BitArray? _kept;

        private RegionKeeper(long address, int length, IReadOnlyList<FlashRegion> regions)
        {
            _address = address;
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

        /// <summary>The keeper of a region write, or null when the whole range is written.</summary>
        public static RegionKeeper? For(long address, int length, WriteOptions options)
        {
            return options.Regions == null ? null : new RegionKeeper(address, length, options.Regions);
        }

        /// <summary>What the chip must hold given a read of it: the image in the regions, kept bytes where confirmed, the read elsewhere.</summary>
        public byte[] Target(ReadOnlySpan<byte> read, ReadOnlySpan<byte> image)
        {
            byte[] target = read.ToArray();
            foreach ((int start, int end) in _regions)
            {
                image[start..end].CopyTo(target.AsSpan(start));
            }

            if (_kept != null)
            {
                for (int i = 0; i < target.Length; i++)
                {
                    if (_kept[i])
                    {
                        target[i] = _keptBytes![i];
                    }
                }
            }

            return target;
        }

        /// <summary>
        /// Reads again the bytes outside the regions in every block <paramref name="plan"/> erases (those not kept yet)
        /// and keeps them once two reads agree. Returns false when the second look corrected <paramref name="read"/>:
        /// plan again from it. Throws, before anything is erased, when no two reads agree.
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

        private bool NeedsKeeping(int offset) => !InRegion(offset) && (_kept == null || !_kept[offset]);

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
                    + "and no two reads of them agreed: they cannot be kept safely over this link. Nothing was erased there. Check the wiring, lower --spispeed and run the same write again.");
            }

            _keptBytes ??= new byte[read.Length];
            _kept ??= new BitArray(read.Length);
            again.CopyTo(_keptBytes, start);
            for (int i = start; i < end; i++)
            {
                _kept[i] = true;
            }

            bool same = again.AsSpan().SequenceEqual(read.AsSpan(start, end - start));
            again.CopyTo(read, start);
            return same;
        }
    }
}
