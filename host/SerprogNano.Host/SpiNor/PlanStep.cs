using System.Collections.Generic;

namespace SerprogNano.Host.SpiNor
{
    /// <summary>One step of a write carried out block by block: an erase (an index into its erases) or a page program (into its programs).</summary>
    public readonly record struct PlanStep(bool IsErase, int Index)
    {
        /// <summary>
        /// The erases and programs in address order, each erase before the programs of its block, so that a programmer which
        /// buffers the frames behind an erase has the block's first pages when the erase ends: the link carries page data while
        /// the chip erases. Both lists must be in ascending address order, as a write plan makes them.
        /// </summary>
        public static List<PlanStep> Interleave(IReadOnlyList<EraseStep> erases, IReadOnlyList<PageWrite> programs)
        {
            var steps = new List<PlanStep>(erases.Count + programs.Count);
            int program = 0;
            for (int erase = 0; erase < erases.Count; erase++)
            {
                for (; program < programs.Count && programs[program].Address < erases[erase].Address; program++)
                {
                    steps.Add(new PlanStep(false, program));
                }

                steps.Add(new PlanStep(true, erase));
            }

            for (; program < programs.Count; program++)
            {
                steps.Add(new PlanStep(false, program));
            }

            return steps;
        }

        /// <summary>Bytes the step covers: the erase block, or the bytes programmed.</summary>
        public long Size(IReadOnlyList<EraseStep> erases, IReadOnlyList<PageWrite> programs) => IsErase ? erases[Index].Block.Size : programs[Index].Data.Length;
    }
}
