using System;
using SerprogNano.Emulator.Chip;
using SerprogNano.Emulator.Faults;
using SerprogNano.Host.Operations;
using SerprogNano.Host.SpiNor;
using SerprogNano.Host.Tests.Faults;
using SerprogNano.TestSupport;

namespace SerprogNano.Host.Tests.Operations
{
    /// <summary>
    /// A dump through the extensions carries only the blocks that are not erased: the result must be the bytes a full read
    /// gives, whatever is almost erased, and a link that flips bits must end in a failed dump, never a wrong one.
    /// </summary>
    [TestClass]
    public sealed class ErasedBlockReadTests
    {
        private const int Block = 4096;

        /// <summary>Blocks of the test image that are not all 0xFF, each a way of being almost erased.</summary>
        private static readonly (int Block, string What)[] NearlyErased =
        [
            (20, "one bit cleared"),
            (21, "one byte 0x00 at its end"),
            (22, "one 512-byte piece of random bytes"),
            (23, "all 0x00"),
            (24, "its last byte 0xFE"),
            (25, "its first bit cleared"),
        ];

        [TestMethod]
        public void A_dump_equals_the_chip_and_carries_only_what_is_not_erased()
        {
            using var rig = new FaultRig(SpiNorModels.W25Q32FV);
            byte[] image = CanoebootLike(rig.Chip.Model.Size);
            rig.Chip.Load(image);
            SpiNorFlash flash = rig.Connect();
            long before = rig.Faults.BytesToHost;

            MultiPassReadResult result = MultiPassReader.Read(flash, 0, image.Length, 2);

            Assert.IsTrue(result.Consistent);
            BytesAssert.Equal(image, result.Data);
            int erasedPieces = SparseReplyReader.ErasedPieces(image, 0, PieceSurvey.PieceSize, image.Length / PieceSurvey.PieceSize);
            Assert.AreEqual((long)erasedPieces * PieceSurvey.PieceSize, result.ErasedBytesNotCarried, "every all-0xFF piece, and only those, taken as erased");
            long carried = rig.Faults.BytesToHost - before;
            long notErased = image.Length - result.ErasedBytesNotCarried;
            long pieces = image.Length / PieceSurvey.PieceSize;

            // Pass 1 sends a CRC per piece and a 5-byte header per group of pieces, pass 2 a CRC per shifted window.
            long overhead = (9 * pieces) + (4 * (image.Length / PieceSurvey.PieceSize));
            Assert.IsLessThan(notErased + overhead + 1024, carried, "the link carried the pieces that are not erased and two CRCs per piece (pass 1's, pass 2), not the chip");
            Assert.IsGreaterThanOrEqualTo(notErased, carried);
        }

        /// <summary>
        /// A piece built so that its CRC-32 is that of a piece of 0xFF is taken as erased by the first pass: the case
        /// EXTENSIONS.md says it does not cover. The second pass checks windows of a piece shifted by half a window, which
        /// the forged piece does not fool, so the dump fails instead of saving wrong bytes.
        /// </summary>
        [TestMethod]
        public void A_piece_forged_to_look_erased_fails_the_second_pass()
        {
            using var rig = new FaultRig(SpiNorModels.W25Q32FV);
            byte[] image = new byte[rig.Chip.Model.Size];
            Array.Fill(image, (byte)0xFF);
            Span<byte> piece = image.AsSpan((30 * Block) + 2048, PieceSurvey.PieceSize);
            piece[10] = 0x00;
            var erasedPiece = new byte[PieceSurvey.PieceSize];
            Array.Fill(erasedPiece, (byte)0xFF);
            CrcCollision.Forge(piece, System.IO.Hashing.Crc32.HashToUInt32(erasedPiece));
            rig.Chip.Load(image);
            SpiNorFlash flash = rig.Connect();

            MultiPassReadResult once = MultiPassReader.Read(flash, 0, image.Length, 1);
            MultiPassReadResult twice = MultiPassReader.Read(flash, 0, image.Length, 2);

            Assert.AreEqual((long)image.Length, once.ErasedBytesNotCarried, "the forged piece fooled the first pass, as the document says it can");
            Assert.IsFalse(twice.Consistent, "the shifted second pass sees the forged piece");
            Assert.AreEqual((30L * Block) + 2048 - (PieceSurvey.PieceSize / 2), twice.FirstMismatch, "the window over the forged piece's first bytes");
        }

        [TestMethod]
        [DataRow(LinkFaultDirection.ToHost, 1)]
        [DataRow(LinkFaultDirection.ToHost, 2)]
        [DataRow(LinkFaultDirection.ToHost, 3)]
        [DataRow(LinkFaultDirection.Both, 4)]
        [DataRow(LinkFaultDirection.Both, 5)]
        public void A_link_that_flips_bits_fails_the_dump_or_gets_it_right(LinkFaultDirection direction, int seed)
        {
            using var rig = new FaultRig(SpiNorModels.W25Q32FV);
            byte[] image = CanoebootLike(rig.Chip.Model.Size);
            rig.Chip.Load(image);
            SpiNorFlash flash = rig.Connect();
            rig.Faults.SetBitFlips(2e-6, direction, seed);

            MultiPassReadResult result;
            try
            {
                result = MultiPassReader.Read(flash, 0, image.Length, 2);
            }
            catch (Exception e) when (e is not AssertFailedException)
            {
                Assert.IsGreaterThan(0L, rig.Faults.BitsFlippedToHost + rig.Faults.BitsFlippedToDevice, "failed on a clean link: " + e.Message);
                return;
            }

            Assert.IsTrue(!result.Consistent || result.Data.AsSpan().SequenceEqual(image), "a consistent dump must be the chip");
            Assert.IsGreaterThan(0L, rig.Faults.BitsFlippedToHost + rig.Faults.BitsFlippedToDevice, "the link flipped nothing: the test proves nothing");
        }

        /// <summary>A chip shaped like a Canoeboot one: a descriptor and data at the bottom, erased middle, payload at the top, and blocks that are almost erased.</summary>
        private static byte[] CanoebootLike(int size)
        {
            byte[] image = new byte[size];
            Array.Fill(image, (byte)0xFF);
            var random = new Random(23);
            random.NextBytes(image.AsSpan(0, 10 * Block));
            random.NextBytes(image.AsSpan(size - (256 * Block)));
            image[(20 * Block) + 100] &= 0xEF;
            image[(21 * Block) + Block - 1] = 0x00;
            random.NextBytes(image.AsSpan((22 * Block) + (3 * PieceSurvey.PieceSize), PieceSurvey.PieceSize));
            image.AsSpan(23 * Block, Block).Clear();
            image[(24 * Block) + Block - 1] = 0xFE;
            image[25 * Block] = 0xFE;
            Assert.HasCount(6, NearlyErased);
            return image;
        }
    }
}
