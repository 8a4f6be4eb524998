using System;
using System.IO;
using SerprogNano.Emulator.Chip;
using SerprogNano.Host.Operations;
using SerprogNano.Host.Serprog;
using SerprogNano.Host.SpiNor;
using SerprogNano.Host.Tests.Doubles;

namespace SerprogNano.Host.Tests.Faults
{
    [TestClass]
    public sealed class InterruptedWriteTests
    {
        private const int UpdateStart = 0x40000;
        private const int UpdateLength = 256 * 1024;

        /// <summary>SST parts power up protected.</summary>
        private static readonly WriteOptions Unprotect = new() { ClearProtection = true };

        [TestMethod]
        [DataRow("SST25VF040B", 31)]
        [DataRow("SST25VF040B", 32)]
        [DataRow("W25Q32FV", 33)]
        [DataRow("W25Q32FV", 34)]
        public void A_write_cut_at_a_random_byte_and_run_again_ends_verified_rewriting_only_what_differs(string part, int seed)
        {
            SpiNorModel model = SpiNorModels.Find(part)!;
            using var rig = new FaultRig(model);
            byte[] old = FlashRig.RandomImage(model.Size, seed);
            byte[] image = FaultRig.Updated(old, UpdateStart, UpdateLength, seed + 100);
            rig.Chip.Load(old);
            rig.Faults.DropAfter(new Random(seed).Next(2_000, UpdateLength));
            SpiNorFlash flash = rig.Connect();

            var cut = Assert.Throws<Exception>(() => FlashWriter.Write(flash, 0, image, Unprotect));
            Assert.IsTrue(cut is SerprogException or IOException, cut.ToString());
            Assert.AreEqual(1, rig.Faults.Drops);

            SpiNorFlash again = rig.Connect();
            WritePlan remaining = WritePlan.Create(again.Addressing.EraseBlocks, again.ProgramUnit, 0, rig.Chip.Snapshot(), image);
            // With a backup the chip is read whatever the path (serprog v1, or the SerprogNano extensions' CRC-settled read).
            byte[]? backup = null;
            WriteResult result = FlashWriter.Write(again, 0, image, new WriteOptions { ClearProtection = true, BeforeChange = old => backup = old.ToArray() });

            Assert.AreEqual(model.Size, result.BytesVerified);
            Assert.AreEqual(remaining.BytesToProgram, result.BytesProgrammed, "the re-run re-plans from what the chip holds");
            CollectionAssert.AreEqual(image, rig.Chip.Snapshot());
            Assert.IsNotNull(backup);
        }
    }
}
