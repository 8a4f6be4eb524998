using System;
using System.Collections.Generic;
using System.Linq;
using SerprogNano.Host.Operations;
using SerprogNano.Host.Tests.Doubles;

namespace SerprogNano.Host.Tests.Operations
{
    /// <summary>
    /// The compares by the programmer's CRC-32 report their progress as they go: on an ESP32 each takes about 13 s per
    /// 8 MiB, which a write without a backup spent before and after its erases and programs with nothing on the screen
    /// (and its phase times counted the survey as erasing and programming).
    /// </summary>
    [TestClass]
    public sealed class DeviceCrcProgressTests
    {
        private const int ChipSize = 8 * 1024 * 1024;

        [TestMethod]
        public void A_write_without_a_backup_reports_its_survey_and_its_verify_a_mebibyte_at_a_time()
        {
            using var rig = new MonitoredProgrammer();
            byte[] image = FlashRig.RandomImage(ChipSize, 31);
            byte[] old = (byte[])image.Clone();
            old[0x345678] ^= 0x04;
            rig.Chip.Load(old);
            var reports = new Reports();

            FlashWriter.Write(rig.Flash, 0, image, new WriteOptions { Progress = reports });

            CollectionAssert.AreEqual(
                new[] { WritePhase.Survey(4096), WritePhase.EraseAndProgram, WritePhase.DeviceVerify },
                reports.Phases(),
                string.Join(", ", reports.Phases()));
            reports.AssertSteps(WritePhase.Survey(4096), ChipSize);
            reports.AssertSteps(WritePhase.DeviceVerify, ChipSize);
        }

        [TestMethod]
        public void A_verify_by_crc_reports_a_mebibyte_at_a_time()
        {
            using var rig = new MonitoredProgrammer();
            byte[] image = FlashRig.RandomImage(ChipSize, 32);
            rig.Chip.Load(image);
            var reports = new Reports();

            FlashVerifier.Verify(rig.Flash, 0, image, reports);

            CollectionAssert.AreEqual(new[] { WritePhase.DeviceVerify }, reports.Phases());
            reports.AssertSteps(WritePhase.DeviceVerify, ChipSize);
        }

        /// <summary>Every report, in order, on the reporting thread.</summary>
        private sealed class Reports : IProgress<OperationProgress>
        {
            private readonly List<OperationProgress> _all = [];

            public void Report(OperationProgress value) => _all.Add(value);

            public string[] Phases() => _all.Select(r => r.Phase).Distinct().ToArray();

            /// <summary>The phase went from 0 to <paramref name="total"/> in rising steps of at most 1 MiB.</summary>
            public void AssertSteps(string phase, long total)
            {
                long[] done = _all.Where(r => r.Phase == phase).Select(r => r.Done).ToArray();
                Assert.AreEqual(0L, done[0], phase);
                Assert.AreEqual(total, done[^1], phase);
                for (int i = 1; i < done.Length; i++)
                {
                    Assert.IsTrue(done[i] > done[i - 1] && done[i] - done[i - 1] <= 1024 * 1024, phase + ": " + string.Join(", ", done));
                }
            }
        }
    }
}
