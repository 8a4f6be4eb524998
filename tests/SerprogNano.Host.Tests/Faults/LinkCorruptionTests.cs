using System;
using SerprogNano.Emulator.Chip;
using SerprogNano.Emulator.Faults;
using SerprogNano.Host.Operations;
using SerprogNano.Host.Spi;
using SerprogNano.Host.SpiNor;
using SerprogNano.Host.Tests.Doubles;
using SerprogNano.Protocol;

namespace SerprogNano.Host.Tests.Faults
{
    [TestClass]
    public sealed class LinkCorruptionTests
    {
        private const int Size = 4 * 1024 * 1024;

        [TestMethod]
        [DataRow(LinkFaultDirection.ToHost, 11, true)]
        [DataRow(LinkFaultDirection.ToDevice, 12, true)]
        [DataRow(LinkFaultDirection.Both, 13, true)]
        [DataRow(LinkFaultDirection.ToHost, 14, false, DisplayName = "serprog v1, flips to the host")]
        [DataRow(LinkFaultDirection.Both, 15, false, DisplayName = "serprog v1, flips both ways")]
        public void A_write_under_bit_flips_ends_verified_with_the_new_image_and_a_true_backup(LinkFaultDirection direction, int seed, bool extensions)
        {
            using var rig = new FaultRig(SpiNorModels.W25Q32FV, extensions);
            byte[] old = FlashRig.RandomImage(Size, seed);
            byte[] image = FaultRig.Updated(old, 0x100000, 512 * 1024, seed + 100);
            rig.Chip.Load(old);
            SpiNorFlash flash = rig.Connect();
            rig.Faults.SetBitFlips(1e-6, direction, seed);
            byte[]? backup = null;

            WriteResult result = FlashWriter.Write(flash, 0, image, new WriteOptions { BeforeChange = contents => backup = contents.ToArray() });

            Assert.AreEqual(Size, result.BytesVerified);
            Assert.IsGreaterThan(0L, rig.Faults.BitsFlippedToHost + rig.Faults.BitsFlippedToDevice, "the fault must have struck");
            CollectionAssert.AreEqual(image, rig.Chip.Snapshot());
            CollectionAssert.AreEqual(old, backup, "the backup is confirmed by a second read, so a flipped bit does not end up in it");
        }

        [TestMethod]
        [DataRow(31, true, true)]
        [DataRow(32, true, true)]
        [DataRow(33, false, true, DisplayName = "serprog v1, with a backup")]
        [DataRow(34, false, false, DisplayName = "serprog v1, without a backup")]
        public void An_image_already_on_the_chip_under_bit_flips_to_the_host_erases_and_programs_nothing(int seed, bool extensions, bool backup)
        {
            using var rig = new FaultRig(SpiNorModels.W25Q32FV, extensions);
            byte[] image = FlashRig.RandomImage(Size, seed);
            rig.Chip.Load(image);
            SpiNorFlash flash = rig.Connect();
            rig.Chip.ResetCounters();
            rig.Faults.SetBitFlips(1e-6, LinkFaultDirection.ToHost, seed);
            if (extensions)
            {
                // Through the extensions the chip's bytes do not cross the link when the programmer's CRCs of every 512 bytes
                // match the image: what the plan is made from is those CRCs, so a bit of their reply flips too.
                rig.Faults.FlipFrameBit(new FrameBitFlip(SerprogNanoOpcode.FlashCrc32, null, 1, 1 + (seed * 4), seed % 8, LinkFaultDirection.ToHost));
            }

            bool backupAsked = false;

            WriteResult result = FlashWriter.Write(flash, 0, image, new WriteOptions { BeforeChange = _ => backupAsked = true, OldContentsNeeded = backup });

            Assert.IsGreaterThan(0L, rig.Faults.BitsFlippedToHost, "the fault must have struck what the plan is made from: the first read, or the programmer's CRCs");
            Assert.AreEqual(0L, rig.Chip.Erases(4096) + rig.Chip.Erases(32 * 1024) + rig.Chip.Erases(64 * 1024) + rig.Chip.ChipErases, "no erase of any size");
            Assert.AreEqual(0L, rig.Chip.PagePrograms, "no page program");
            Assert.IsTrue(result.Unchanged, "the result says nothing changed");
            Assert.IsFalse(backupAsked, "no backup is taken when nothing will change");
            Assert.AreEqual(Size, result.BytesVerified);
            CollectionAssert.AreEqual(image, rig.Chip.Snapshot());
        }

        [TestMethod]
        public void Garbled_answers_are_refused_resynchronised_and_retried_until_the_read_is_right()
        {
            using var rig = new FaultRig(SpiNorModels.SST25VF040B);
            byte[] old = FlashRig.RandomImage(512 * 1024, seed: 21);
            rig.Chip.Load(old);
            SpiNorFlash flash = rig.Connect();
            rig.Faults.SetBitFlips(2e-3, LinkFaultDirection.ToHost, seed: 21);

            var id = new byte[3];
            for (int i = 0; i < 200; i++)
            {
                flash.Master.Execute(SpiNorCommands.ReadJedecId(id));
            }

            Assert.IsGreaterThan(0L, rig.Master!.Retries, "a flipped ACK must be caught and the command sent again");
            rig.Faults.Clear();
            var contents = new byte[old.Length];
            flash.Read(0, contents);
            CollectionAssert.AreEqual(old, contents);
        }
    }
}
