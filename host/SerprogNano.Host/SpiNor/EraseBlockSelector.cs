using System;
using System.Collections.Generic;
using SerprogNano.Chips;

namespace SerprogNano.Host.SpiNor
{
    /// <summary>Covers an aligned range with the fewest erases: at each address the largest aligned block that fits.</summary>
    public static class EraseBlockSelector
    {
        /// <param name="blocks">Usable erase blocks, smallest first.</param>
        public static List<EraseStep> Cover(IReadOnlyList<EraseBlockType> blocks, long start, long length)
        {
            if (blocks.Count == 0)
            {
                throw new InvalidOperationException("The chip has no usable erase block.");
            }

            int smallest = blocks[0].Size;
            if (start % smallest != 0 || length % smallest != 0)
            {
                throw new ArgumentException("The range " + SpiNorCommands.Hex(start) + " + " + length + " is not aligned to the smallest erase block (" + smallest + " bytes).");
            }

            var steps = new List<EraseStep>();
            long end = start + length;
            long address = start;
            while (address < end)
            {
                EraseBlockType chosen = blocks[0];
                foreach (EraseBlockType block in blocks)
                {
                    if (address % block.Size == 0 && address + block.Size <= end && block.Size > chosen.Size)
                    {
                        chosen = block;
                    }
                }

                steps.Add(new EraseStep(chosen, address));
                address += chosen.Size;
            }

            return steps;
        }
    }
}
