using System;
using System.Collections.Generic;
using System.Linq;

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

        /// <summary>
        /// What each of the <paramref name="steps"/> (<see cref="Interleave"/>d) counts for in progress, so that the whole counts
        /// the bytes of the chip the write changes: a page its bytes; an erase the bytes of its block that no page of the block
        /// programs (an erase-only block its size), at least 1, so that a count of bytes done tells which steps are done.
        /// </summary>
        public static long[] Weights(IReadOnlyList<PlanStep> steps, IReadOnlyList<EraseStep> erases, IReadOnlyList<PageWrite> programs)
        {
            var weights = new long[steps.Count];
            for (int i = 0; i < steps.Count; i++)
            {
                if (!steps[i].IsErase)
                {
                    weights[i] = programs[steps[i].Index].Data.Length;
                    continue;
                }

                // The block's pages follow its erase.
                EraseStep erase = erases[steps[i].Index];
                long unprogrammed = erase.Block.Size;
                for (int next = i + 1; next < steps.Count && !steps[next].IsErase && programs[steps[next].Index].Address < erase.Address + erase.Block.Size; next++)
                {
                    unprogrammed -= programs[steps[next].Index].Data.Length;
                }

                weights[i] = Math.Max(1, unprogrammed);
            }

            return weights;
        }

        /// <summary>The sum of the <see cref="Weights"/> of a plan's steps: the bytes of the chip it changes, give or take one per erase.</summary>
        public static long ChangedBytes(IReadOnlyList<EraseStep> erases, IReadOnlyList<PageWrite> programs) => Weights(Interleave(erases, programs), erases, programs).Sum();
    }
}
