using System;
using SerprogNano.Host.SpiNor;

namespace SerprogNano.Host.Tests.SpiNor
{
    /// <summary>Pipelined or lockstep, chosen from rates the test hands in.</summary>
    [TestClass]
    public sealed class PageModeChooserTests
    {
        private static readonly TimeSpan Batch = TimeSpan.FromMilliseconds(250);

        [TestMethod]
        public void A_pipeline_that_hardly_misses_stays_pipelined()
        {
            var chooser = new PageModeChooser();
            for (int i = 0; i < 20; i++)
            {
                chooser.Record(64 * 1024, Batch, 256, 3);
                Assert.IsTrue(chooser.Pipelined);
            }
        }

        [TestMethod]
        public void A_pipeline_missing_a_page_in_four_goes_lockstep_and_stays_while_lockstep_is_faster()
        {
            var chooser = new PageModeChooser();
            chooser.Record(8 * 256, Batch, 64, 20);
            Assert.IsFalse(chooser.Pipelined, "a device that lags makes padding worthless");
            for (int stretch = 1; stretch <= 3 * PageModeChooser.LockstepStretchesBetweenTries; stretch++)
            {
                chooser.Record(32 * 1024, Batch, 128, 0);
                bool tryPipeline = stretch % PageModeChooser.LockstepStretchesBetweenTries == 0;
                Assert.AreEqual(tryPipeline, chooser.Pipelined, "the pipeline is tried now and then");
                if (tryPipeline)
                {
                    chooser.Record(4 * 1024, Batch, 8, 6);
                    Assert.IsFalse(chooser.Pipelined, "slower than lockstep: back to lockstep");
                }
            }
        }

        [TestMethod]
        public void A_device_that_stops_lagging_gets_the_pipeline_back()
        {
            var chooser = new PageModeChooser();
            chooser.Record(1024, Batch, 64, 40);
            for (int stretch = 0; stretch < PageModeChooser.LockstepStretchesBetweenTries; stretch++)
            {
                chooser.Record(32 * 1024, Batch, 128, 0);
            }

            Assert.IsTrue(chooser.Pipelined);
            chooser.Record(48 * 1024, Batch, 8, 0);
            Assert.IsTrue(chooser.Pipelined, "faster than lockstep measured");
        }
    }
}
