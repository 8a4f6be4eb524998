using System;
using SerprogNano.Chips;
using SerprogNano.Emulator.Chip;
using SerprogNano.Protocol;
using SerprogNano.TestSupport;

namespace SerprogNano.Engine.Tests
{
    /// <summary>
    /// O_NANO_READ_SPARSE (protocol/EXTENSIONS.md) against the engine on an emulated W25Q64FV, its reply taken apart here
    /// from the specification's bytes (not with the host's reader).
    /// </summary>
    [TestClass]
    public sealed class SparseReadTests
    {
        private const byte Read = SpiNorOpcodes.Read;

        [TestMethod]
        public void The_command_table_and_the_command_map_know_it()
        {
            Assert.AreEqual("O_NANO_READ_SPARSE", SerprogCommandTable.NameOf(SerprogNanoOpcode.SparseRead));
            Assert.AreEqual(SerprogNanoExtensions.CrcParameterLength, SerprogCommandTable.ParameterLength(SerprogNanoOpcode.SparseRead));
            Assert.AreEqual(SerprogCommandTable.Variable, SerprogCommandTable.ReplyLength(SerprogNanoOpcode.SparseRead));
            using var device = Device();
            Assert.IsTrue(CommandMap.IsSet(device.Command(SerprogOpcode.QueryCommandMap, SerprogLimits.CommandMapLength), 1, SerprogNanoOpcode.SparseRead));
            using var plain = RecordingEngine.Start();
            Assert.IsFalse(CommandMap.IsSet(plain.Command(SerprogOpcode.QueryCommandMap, SerprogLimits.CommandMapLength), 1, SerprogNanoOpcode.SparseRead));
        }

        [TestMethod]
        [DataRow(0, 512, 2048, DisplayName = "1 MiB in 512-byte pieces")]
        [DataRow(0x1230, 100, 700, DisplayName = "pieces of 100 bytes: groups of 30, from an odd start")]
        [DataRow(0x7FF800, 1024, 2, DisplayName = "the last two KiB of the chip")]
        [DataRow(512, 3968, 5, DisplayName = "the largest piece a 4 KiB buffer holds")]
        public void Only_the_pieces_not_erased_cross_each_with_its_crc_and_the_rest_read_as_erased(int start, int pieceLength, int pieces)
        {
            using var device = Device();
            byte[] image = SparseReplyReader.Patchwork(device.Target.Model.Size, pieceLength, pieceLength);
            device.Target.Load(image);
            device.DrivePins();

            device.Send(SparseReplyReader.Frame(Read, 3, (uint)start, pieceLength, pieces));
            EngineHarness.AssertAck(device.Receive(1)[0]);
            (byte[] data, int erased, int groups) = SparseReplyReader.TakeApart(device.Receive, pieceLength, pieces);

            BytesAssert.Equal(image.AsSpan(start, pieceLength * pieces), data);
            Assert.AreEqual(SparseReplyReader.ErasedPieces(image, start, pieceLength, pieces), erased);
            int perGroup = Math.Min(SerprogNanoExtensions.MaxSparsePiecesPerGroup, (4096 - 128) / pieceLength);
            Assert.AreEqual((pieces + perGroup - 1) / perGroup, groups, "groups as full as the buffer and the map allow");
            Assert.AreEqual(1, device.Target.CommandCount(Read), "one read command for the whole run");
            device.AssertInSync();
        }

        [TestMethod]
        [DataRow(3, 0u, 3969, 1, DisplayName = "a piece larger than the buffer holds behind a header")]
        [DataRow(3, 0u, 0, 1, DisplayName = "zero-length piece")]
        [DataRow(3, 0u, 512, 0, DisplayName = "no pieces")]
        [DataRow(5, 0u, 512, 1, DisplayName = "five address bytes")]
        [DataRow(3, 0xFFFE00u, 512, 2, DisplayName = "past what three address bytes reach")]
        public void Impossible_parameters_are_refused_and_the_chip_untouched(int addressBytes, uint start, int pieceLength, int pieces)
        {
            using var device = Device();
            device.DrivePins();
            device.Send(SparseReplyReader.Frame(Read, addressBytes, start, pieceLength, pieces));
            EngineHarness.AssertNak(device.Receive(1)[0]);
            Assert.AreEqual(0, device.Target.CommandCount(Read));
            device.AssertInSync();
        }

        [TestMethod]
        public void With_the_pins_released_it_is_refused()
        {
            using var device = Device();
            device.Send(SparseReplyReader.Frame(Read, 3, 0, 512, 4));
            EngineHarness.AssertNak(device.Receive(1)[0]);
            Assert.AreEqual(0, device.Target.CommandCount(Read));
            device.AssertInSync();
        }

        private static EngineHarness<EmulatedSpiNor> Device() =>
            new(new[] { new EmulatedSpiNor(SpiNorModels.W25Q64FV) }, new EngineSettings(), RecordingEngine.FrameTimeout, extensions: true);
    }
}
