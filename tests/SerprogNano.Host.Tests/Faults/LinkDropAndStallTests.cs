using System;
using System.Diagnostics;
using System.Linq;
using SerprogNano.Emulator.Chip;
using SerprogNano.Host.Remedies;
using SerprogNano.Host.Serprog;
using SerprogNano.Host.SpiNor;
using SerprogNano.Host.Tests.Doubles;

namespace SerprogNano.Host.Tests.Faults
{
    [TestClass]
    public sealed class LinkDropAndStallTests
    {
        /// <summary>A hang guard, not a speed target: the waits time out within seconds, so only a wait without one reaches it.</summary>
        private static readonly TimeSpan HangLimit = TimeSpan.FromMinutes(1);

        [TestMethod]
        public void A_dropped_link_fails_the_read_at_once_naming_the_read_and_its_address()
        {
            using var rig = new FaultRig(SpiNorModels.W25Q32FV);
            byte[] old = FlashRig.RandomImage(4 * 1024 * 1024, seed: 1);
            rig.Chip.Load(old);
            SpiNorFlash flash = rig.Connect();
            rig.Faults.DropAfter(30);

            var failure = Assert.ThrowsExactly<SerprogException>(() => flash.Read(0, new byte[flash.Size]));

            StringAssert.Contains(failure.Message, "closed");
            Assert.DoesNotContain("did not answer", failure.Message, "a closed link must fail at once, not after time-outs");
            StringAssert.Matches(failure.Command, new System.Text.RegularExpressions.Regex("read \\d+ bytes at 0x[0-9A-F]+"));
            Assert.AreEqual(1, rig.Faults.Drops);
            CollectionAssert.AreEqual(old, rig.Chip.Snapshot());
        }

        [TestMethod]
        public void A_stalled_link_times_out_within_bounds_naming_the_read_and_the_next_connection_works()
        {
            using var rig = new FaultRig(SpiNorModels.SST25VF040B);
            byte[] old = FlashRig.RandomImage(512 * 1024, seed: 2);
            rig.Chip.Load(old);
            SpiNorFlash flash = rig.Connect();
            rig.Faults.StallAfter(0);

            var clock = Stopwatch.StartNew();
            var failure = Assert.Throws<SerprogException>(() => flash.Read(0, new byte[flash.Size]));

            Assert.IsLessThan(HangLimit, clock.Elapsed, "every wait has a time-out");
            StringAssert.Contains(failure.Message, "did not answer");
            CollectionAssert.Contains(failure.Remedies.ToList(), Remedy.LowerBaudRate, "a UART board that dropped bytes needs a slower link");
            StringAssert.Contains(failure.Message, "O_SPIOP (read");
            StringAssert.Contains(failure.Message, "at 0x");
            Assert.AreEqual(1, rig.Faults.Stalls);

            var again = new byte[flash.Size];
            rig.Connect().Read(0, again);
            CollectionAssert.AreEqual(old, again);
            CollectionAssert.AreEqual(old, rig.Chip.Snapshot());
        }

        [TestMethod]
        public void A_chip_that_stays_busy_fails_the_erase_by_name_and_address_and_the_pins_are_released()
        {
            var rig = new FaultRig(SpiNorModels.W25Q32FV);
            byte[] old = FlashRig.RandomImage(4 * 1024 * 1024, seed: 3);
            rig.Chip.Load(old);
            SpiNorFlash flash = rig.Connect();
            rig.Chip.Faults.StuckBusy = true;

            var clock = Stopwatch.StartNew();
            var failure = Assert.Throws<SpiNorException>(() => flash.Erase(0x10000, 4096));
            Assert.IsLessThan(HangLimit, clock.Elapsed, "the busy wait has a time-out");
            StringAssert.Contains(failure.Message, "erase");
            StringAssert.Contains(failure.Message, "0x010000");

            rig.Chip.Faults.StuckBusy = false;
            Assert.IsTrue(rig.Emulator.Bus.Driven);
            rig.Dispose();
            Assert.IsFalse(rig.Emulator.Bus.Driven, "the link still lives, so the pins go back to the board");
            CollectionAssert.AreEqual(old, rig.Chip.Snapshot());
        }
    }
}
