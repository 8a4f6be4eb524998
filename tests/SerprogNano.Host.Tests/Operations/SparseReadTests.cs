using System;
using SerprogNano.Host.Operations;
using SerprogNano.Host.Tests.Doubles;
using SerprogNano.Protocol;
using SerprogNano.TestSupport;

namespace SerprogNano.Host.Tests.Operations
{
    /// <summary>
    /// A dump through a programmer with O_NANO_READ_SPARSE: one pass that surveys as it reads, the erased pieces left off
    /// the link; through one without it (older SerprogNano firmware), the survey first and then the blocks not erased.
    /// </summary>
    [TestClass]
    public sealed class SparseReadTests
    {
        private const int Piece = PieceSurvey.PieceSize;

        [TestMethod]
        public void The_first_pass_is_sparse_reads_that_carry_only_the_pieces_not_erased()
        {
            using var rig = new MonitoredProgrammer();
            byte[] image = Patchwork(rig.Chip.Model.Size);
            rig.Chip.Load(image);
            rig.Chip.ResetCounters();
            long before = rig.Link.BytesReceived;

            MultiPassReadResult result = MultiPassReader.Read(rig.Flash, 0, image.Length, 1);

            BytesAssert.Equal(image, result.Data);
            long erasedPieces = SparseReplyReader.ErasedPieces(image, 0, Piece, image.Length / Piece);
            Assert.AreEqual(erasedPieces * Piece, result.ErasedBytesNotCarried, "every all-0xFF piece, and only those, left off");
            Assert.IsTrue(rig.Link.OpcodesSent.Contains(SerprogNanoOpcode.SparseRead));
            Assert.IsFalse(rig.Link.OpcodesSent.Contains(SerprogNanoOpcode.FlashCrc32), "no survey of its own");
            Assert.AreEqual((long)image.Length, rig.Chip.BytesRead, "the chip read once: no survey pass, no plain reads");
            long carried = rig.Link.BytesReceived - before;
            long pieces = image.Length / Piece;
            long notErased = image.Length - result.ErasedBytesNotCarried;

            // Besides the pieces: a CRC per piece and a 5-byte header per group (a group is at least a piece).
            Assert.IsGreaterThanOrEqualTo(notErased + (4 * pieces), carried);
            Assert.IsLessThan(notErased + (9 * pieces) + 1024, carried);
        }

        [TestMethod]
        public void Without_sparse_reads_the_survey_comes_first_and_the_dump_is_the_same()
        {
            using var rig = new MonitoredProgrammer(hidden: new[] { SerprogNanoOpcode.SparseRead });
            byte[] image = Patchwork(rig.Chip.Model.Size);
            rig.Chip.Load(image);
            rig.Chip.ResetCounters();

            MultiPassReadResult result = MultiPassReader.Read(rig.Flash, 0, image.Length, 1);

            BytesAssert.Equal(image, result.Data);
            Assert.IsFalse(rig.Link.OpcodesSent.Contains(SerprogNanoOpcode.SparseRead));
            Assert.IsTrue(rig.Link.OpcodesSent.Contains(SerprogNanoOpcode.FlashCrc32), "the survey");
            Assert.IsGreaterThan(0L, result.ErasedBytesNotCarried);
            Assert.IsGreaterThan((long)image.Length, rig.Chip.BytesRead, "the survey read the chip, then the blocks not erased were read again");
        }

        /// <summary>Erased and random stretches of every length around a piece and a group, so groups start mid-stretch.</summary>
        private static byte[] Patchwork(int size)
        {
            byte[] image = new byte[size];
            Array.Fill(image, (byte)0xFF);
            var random = new Random(83);
            int at = 0;
            int[] lengths = [Piece, 3 * Piece, 31 * Piece, 7 * Piece, 100, 4096, 65536, 13 * Piece];
            for (int i = 0; at < size; i++)
            {
                int length = Math.Min(lengths[i % lengths.Length], size - at);
                if (i % 2 == 0)
                {
                    random.NextBytes(image.AsSpan(at, length));
                }

                at += length + (lengths[(i + 3) % lengths.Length] * (i % 3));
            }

            image[(size / 2) + 7] = 0xFE;
            return image;
        }
    }
}
