using System;
using System.Collections.Generic;
using SerprogNano.Chips;
using SerprogNano.Host.SpiNor;

namespace SerprogNano.Host.Operations
{
    /// <summary>
    /// What a write must do to turn the chip's contents into the image, as flashprog plans it: erase
    /// only where a bit must go from 0 to 1 (the largest block whose every sector needs it, else
    /// smaller ones), then program only the bytes that still differ, one span per program unit.
    /// </summary>
    public sealed class WritePlan
    {
        private WritePlan(List<EraseStep> erases, List<PageWrite> programs)
        {
            Erases = erases;
            Programs = programs;
            foreach (PageWrite program in programs)
            {
                BytesToProgram += program.Data.Length;
            }

            foreach (EraseStep erase in erases)
            {
                BytesToErase += erase.Block.Size;
            }
        }

        public IReadOnlyList<EraseStep> Erases { get; }

        public IReadOnlyList<PageWrite> Programs { get; }

        public long BytesToErase { get; }

        public long BytesToProgram { get; }

        public bool IsEmpty => Erases.Count == 0 && Programs.Count == 0;

        /// <param name="eraseBlocks">The usable erase blocks, smallest first.</param>
        /// <param name="programUnit">Bytes a single program may cover (the page), aligned.</param>
        /// <param name="address">Chip address of <paramref name="current"/>[0]; aligned to the smallest erase block.</param>
        /// <param name="current">What the chip holds now.</param>
        /// <param name="image">What it must hold; as long as <paramref name="current"/>.</param>
        public static WritePlan Create(IReadOnlyList<EraseBlockType> eraseBlocks, int programUnit, long address, ReadOnlySpan<byte> current, ReadOnlyMemory<byte> image)
        {
            ArgumentNullException.ThrowIfNull(eraseBlocks);
            if (current.Length != image.Length)
            {
                throw new ArgumentException("The image and the chip contents differ in length.", nameof(image));
            }

            int sector = eraseBlocks[0].Size;
            if (address % sector != 0 || image.Length % sector != 0)
            {
                throw new ArgumentException("A write must cover whole " + sector / 1024 + " KiB sectors: " + SpiNorCommands.Hex(address) + " + " + image.Length + " does not.", nameof(image));
            }

            ReadOnlySpan<byte> wanted = image.Span;
            bool[] sectorNeedsErase = SectorsNeedingErase(sector, current, wanted);
            var erases = new List<EraseStep>();
            bool[] erased = new bool[sectorNeedsErase.Length];
            int position = 0;
            while (position < wanted.Length)
            {
                EraseBlockType? chosen = LargestAllNeeded(eraseBlocks, sectorNeedsErase, address, position, wanted.Length);
                if (chosen == null)
                {
                    position += sector;
                    continue;
                }

                erases.Add(new EraseStep(chosen, address + position));
                Array.Fill(erased, true, position / sector, chosen.Size / sector);
                position += chosen.Size;
            }

            var programs = new List<PageWrite>();
            int offset = 0;
            while (offset < wanted.Length)
            {
                int length = (int)Math.Min(wanted.Length - offset, programUnit - ((address + offset) % programUnit));
                AddDifferingSpan(programs, address, offset, length, current, image, erased[offset / sector]);
                offset += length;
            }

            return new WritePlan(erases, programs);
        }

        private static bool[] SectorsNeedingErase(int sector, ReadOnlySpan<byte> current, ReadOnlySpan<byte> wanted)
        {
            var needs = new bool[wanted.Length / sector];
            for (int s = 0; s < needs.Length; s++)
            {
                ReadOnlySpan<byte> now = current.Slice(s * sector, sector);
                ReadOnlySpan<byte> then = wanted.Slice(s * sector, sector);
                for (int i = 0; i < sector; i++)
                {
                    // Programming only clears bits: a bit wanted as 1 that is 0 now needs an erase.
                    if ((then[i] & ~now[i]) != 0)
                    {
                        needs[s] = true;
                        break;
                    }
                }
            }

            return needs;
        }

        private static EraseBlockType? LargestAllNeeded(IReadOnlyList<EraseBlockType> blocks, bool[] needs, long address, int position, int length)
        {
            int sector = blocks[0].Size;
            for (int b = blocks.Count - 1; b >= 0; b--)
            {
                EraseBlockType block = blocks[b];
                if ((address + position) % block.Size != 0 || position + block.Size > length)
                {
                    continue;
                }

                bool all = true;
                for (int s = position / sector; s < (position + block.Size) / sector && all; s++)
                {
                    all = needs[s];
                }

                if (all)
                {
                    return block;
                }
            }

            return null;
        }

        /// <summary>Adds the span from the first to the last byte that will differ once the erases are done.</summary>
        private static void AddDifferingSpan(List<PageWrite> programs, long address, int offset, int length, ReadOnlySpan<byte> current, ReadOnlyMemory<byte> image, bool erased)
        {
            ReadOnlySpan<byte> wanted = image.Span.Slice(offset, length);
            ReadOnlySpan<byte> now = current.Slice(offset, length);
            int first = -1;
            int last = -1;
            for (int i = 0; i < length; i++)
            {
                byte before = erased ? (byte)0xFF : now[i];
                if (before != wanted[i])
                {
                    first = first < 0 ? i : first;
                    last = i;
                }
            }

            if (first >= 0)
            {
                programs.Add(new PageWrite(address + offset + first, image.Slice(offset + first, last - first + 1)));
            }
        }
    }
}
