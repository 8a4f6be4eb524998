using System;
using System.IO;
using System.Threading.Tasks;
using SerprogNano.Emulator.Chip;
using SerprogNano.TestSupport;

namespace SerprogNano.Emulator.Tests.Chip
{
    [TestClass]
    public sealed class ContentsTests
    {
        [TestMethod]
        public void Load_takes_only_an_image_of_exactly_the_parts_size()
        {
            var chip = new EmulatedSpiNor(SpiNorModels.SST25VF040B);

            var shorter = Assert.ThrowsExactly<InvalidDataException>(() => chip.Load(new byte[chip.Model.Size - 1]));
            Assert.ThrowsExactly<InvalidDataException>(() => chip.Load(new byte[chip.Model.Size + 1]));

            Assert.AreEqual("the image has 524287 bytes; SST25VF040B holds 524288.", shorter.Message);
        }

        [TestMethod]
        public void Snapshot_is_a_copy_that_later_writes_do_not_change()
        {
            var chip = new EmulatedSpiNor(SpiNorModels.W25Q64FV);
            byte[] before = chip.Snapshot();

            ChipWire.PageProgram(chip, 0, new byte[] { 0 });

            Assert.AreEqual(0xFF, before[0]);
            Assert.AreEqual(0x00, chip.Snapshot()[0]);
        }

        [TestMethod]
        public void Save_and_Load_round_trip_the_array()
        {
            var chip = ReadTests.LoadedChip(SpiNorModels.SST25VF040B, out byte[] image);
            string path = Path.Combine(Path.GetTempPath(), $"chip-{Guid.NewGuid():N}.bin");
            try
            {
                chip.Save(path);
                var other = new EmulatedSpiNor(SpiNorModels.SST25VF040B);
                other.Load(File.ReadAllBytes(path));

                BytesAssert.Equal(image, other.Snapshot());
            }
            finally
            {
                File.Delete(path);
            }
        }

        [TestMethod]
        public void Snapshots_taken_while_another_thread_programs_never_see_half_a_page()
        {
            var chip = new EmulatedSpiNor(SpiNorModels.W25Q64FV);
            const int Pages = 200;

            Task writer = Task.Run(() =>
            {
                for (int page = 0; page < Pages; page++)
                {
                    ChipWire.PageProgram(chip, page * 256, new byte[256]);
                }
            });

            while (!writer.IsCompleted)
            {
                byte[] snapshot = chip.Snapshot();
                int firstErased = snapshot.AsSpan(0, Pages * 256).IndexOf((byte)0xFF);
                if (firstErased >= 0)
                {
                    Assert.AreEqual(0, firstErased % 256, "a page was caught half programmed");
                    BytesAssert.AllAre(0xFF, snapshot.AsSpan(firstErased, (Pages * 256) - firstErased));
                }
            }

            writer.GetAwaiter().GetResult();
            BytesAssert.AllAre(0x00, chip.Snapshot().AsSpan(0, Pages * 256));
        }
    }
}
