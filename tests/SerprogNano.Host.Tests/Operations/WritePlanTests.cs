using System;
using System.Collections.Generic;
using System.Linq;
using SerprogNano.Chips;
using SerprogNano.Host.Operations;
using SerprogNano.Host.SpiNor;

namespace SerprogNano.Host.Tests.Operations
{
    [TestClass]
    public sealed class WritePlanTests
    {
        private const int KiB = 1024;

        private static readonly EraseBlockType[] Blocks =
        {
            new(4 * KiB, 0x20, null, TimeSpan.FromMilliseconds(45), TimeSpan.FromMilliseconds(400)),
            new(32 * KiB, 0x52, null, TimeSpan.FromMilliseconds(120), TimeSpan.FromMilliseconds(1600)),
            new(64 * KiB, SpiNorOpcodes.BlockErase64K, null, TimeSpan.FromMilliseconds(150), TimeSpan.FromMilliseconds(2000)),
        };

        [TestMethod]
        public void A_block_whose_every_sector_needs_erasing_is_erased_whole()
        {
            byte[] current = new byte[128 * KiB];
            byte[] image = Filled(128 * KiB, 0xFF);

            WritePlan plan = WritePlan.Create(Blocks, 256, 0, current, image);

            Assert.HasCount(2, plan.Erases);
            Assert.AreEqual(64 * KiB, plan.Erases[0].Block.Size);
            Assert.IsEmpty(plan.Programs, "an erased block already holds all ones");
        }

        [TestMethod]
        public void A_block_with_one_sector_that_needs_no_erase_is_erased_in_smaller_pieces()
        {
            byte[] current = new byte[64 * KiB];
            byte[] image = Filled(64 * KiB, 0x01);
            image.AsSpan(0, 4 * KiB).Clear(); // The first sector only clears bits.

            WritePlan plan = WritePlan.Create(Blocks, 256, 0, current, image);

            Assert.HasCount(8, plan.Erases, "seven 4 KiB sectors from 4 KiB, then 32 KiB at 32 KiB");
            Assert.AreEqual(32 * KiB, plan.Erases[^1].Block.Size);
            Assert.AreEqual(60 * KiB, plan.BytesToErase);
            Assert.AreEqual(60 * KiB, plan.BytesToProgram);
        }

        [TestMethod]
        public void Only_the_differing_bytes_of_a_page_are_programmed()
        {
            byte[] current = Filled(4 * KiB, 0xFF);
            byte[] image = Filled(4 * KiB, 0xFF);
            image[300] = 0x00;
            image[310] = 0x7F;

            WritePlan plan = WritePlan.Create(Blocks, 256, 0x10000, current, image);

            Assert.IsEmpty(plan.Erases);
            Assert.HasCount(1, plan.Programs);
            Assert.AreEqual(0x10000 + 300L, plan.Programs[0].Address);
            Assert.AreEqual(11, plan.Programs[0].Data.Length);
        }

        [TestMethod]
        public void Progress_block_by_block_counts_the_bytes_the_write_changes_and_every_step_moves_it()
        {
            // An erase-only block, a block erased and wholly programmed again, pages on erased bytes, an unchanged block.
            byte[] current = Filled(256 * KiB, 0x00);
            current.AsSpan(128 * KiB, 64 * KiB).Fill(0xFF);
            byte[] image = (byte[])current.Clone();
            image.AsSpan(0, 64 * KiB).Fill(0xFF);
            image.AsSpan(64 * KiB, 64 * KiB).Fill(0x33);
            image.AsSpan(128 * KiB, 4 * KiB).Fill(0x5A);

            WritePlan plan = WritePlan.Create(Blocks, 256, 0, current, image);
            List<PlanStep> steps = PlanStep.Interleave(plan.Erases, plan.Programs);
            long[] weights = PlanStep.Weights(steps, plan.Erases, plan.Programs);

            Assert.AreEqual((64 * KiB) + (64 * KiB) + 1 + (4 * KiB), PlanStep.ChangedBytes(plan.Erases, plan.Programs), "not the 128 KiB erased plus the 68 KiB programmed");
            Assert.AreEqual(64 * KiB, weights[0], "the erase-only block: its size");
            Assert.IsTrue(steps[1].IsErase && weights[1] == 1, "the block its pages fill again: 1, so that its end still shows");
            Assert.IsTrue(weights.All(weight => weight >= 1));
        }

        [TestMethod]
        public void An_unaligned_range_is_refused()
        {
            Assert.ThrowsExactly<ArgumentException>(() => WritePlan.Create(Blocks, 256, 0x800, new byte[4 * KiB], new byte[4 * KiB]));
        }

        private static byte[] Filled(int length, byte value)
        {
            var bytes = new byte[length];
            bytes.AsSpan().Fill(value);
            return bytes;
        }
    }
}
