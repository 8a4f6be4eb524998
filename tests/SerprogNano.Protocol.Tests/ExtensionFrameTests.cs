namespace SerprogNano.Protocol.Tests
{
    /// <summary>
    /// SerprogNanoFrames, the one codec the host and the engine share, against protocol/EXTENSIONS.md's tables written
    /// out byte by byte: a layout wrong on both sides alike would pass every host-to-engine test, not these.
    /// </summary>
    [TestClass]
    public sealed class ExtensionFrameTests
    {
        private const int At = 3; // every call takes an offset: the frames sit behind an opcode or an ACK

        [TestMethod]
        public void Wait_parameters_are_laid_out_as_the_specification_says()
        {
            // WREN, RDSR, WIP, 1000 ms, slen 0x012345.
            byte[] expected = { 0, 0, 0, 0x06, 0x05, 0x01, 0xE8, 0x03, 0x45, 0x23, 0x01 };
            var frame = new byte[expected.Length];

            SerprogNanoFrames.WriteWaitParameters(frame, At, 0x06, 0x05, 0x01, 1000, 0x012345);

            CollectionAssert.AreEqual(expected, frame);
            Assert.AreEqual(0x06, SerprogNanoFrames.WaitWriteEnable(frame, At));
            Assert.AreEqual(0x05, SerprogNanoFrames.WaitStatusOpcode(frame, At));
            Assert.AreEqual(0x01, SerprogNanoFrames.WaitMask(frame, At));
            Assert.AreEqual(1000, SerprogNanoFrames.WaitTimeoutMs(frame, At));
            Assert.AreEqual(0x012345, SerprogNanoFrames.WaitOperationLength(frame, At));
        }

        [TestMethod]
        public void Sparse_group_headers_are_laid_out_as_the_specification_says()
        {
            // Three pieces, the first and the third carried; CRCs 0x11223344, 0xDEBB20E3, 0x01020304.
            byte[] expected =
            {
                0, 0, 0, 3, 0x05, 0x00, 0x00, 0x00,
                0x44, 0x33, 0x22, 0x11, 0xE3, 0x20, 0xBB, 0xDE, 0x04, 0x03, 0x02, 0x01,
            };
            var header = new byte[At + SerprogNanoFrames.SparseGroupHeaderLength(3)];

            SerprogNanoFrames.WriteSparseGroupHeader(header, At, 3, 0b101);
            SerprogNanoFrames.WriteSparseGroupCrc(header, At, 0, 0x11223344);
            SerprogNanoFrames.WriteSparseGroupCrc(header, At, 1, 0xDEBB20E3);
            SerprogNanoFrames.WriteSparseGroupCrc(header, At, 2, 0x01020304);

            CollectionAssert.AreEqual(expected, header);
            Assert.AreEqual(3, SerprogNanoFrames.SparseGroupPieces(header, At));
            Assert.AreEqual(0b101u, SerprogNanoFrames.SparseGroupCarried(header, At));
            Assert.AreEqual(0xDEBB20E3u, SerprogNanoFrames.SparseGroupCrc(header, At, 1));
            Assert.AreEqual(125, SerprogNanoFrames.SparseGroupHeaderLength(SerprogNanoExtensions.MaxSparsePiecesPerGroup), "the largest header fits an ESP32's 128-byte TX FIFO");
        }

        [TestMethod]
        public void Wait_replies_carry_the_outcome_then_the_last_status()
        {
            var reply = new byte[At + SerprogNanoExtensions.WaitReplyLength];

            SerprogNanoFrames.WriteWaitReply(reply, At, false, 0x03);
            CollectionAssert.AreEqual(new byte[] { 0, 0, 0, SerprogNanoExtensions.WaitTimedOut, 0x03 }, reply);
            Assert.IsTrue(SerprogNanoFrames.WaitTimedOut(reply, At));
            Assert.AreEqual(0x03, SerprogNanoFrames.WaitStatus(reply, At));

            SerprogNanoFrames.WriteWaitReply(reply, At, true, 0x00);
            CollectionAssert.AreEqual(new byte[] { 0, 0, 0, SerprogNanoExtensions.WaitDone, 0x00 }, reply);
            Assert.IsFalse(SerprogNanoFrames.WaitTimedOut(reply, At));
        }

        [TestMethod]
        public void Wait_run_parameters_are_laid_out_as_the_specification_says()
        {
            // WREN, RDSR, WIP, 1000 ms per operation, 260 bytes each, 15 of them.
            byte[] expected = { 0, 0, 0, 0x06, 0x05, 0x01, 0xE8, 0x03, 0x04, 0x01, 0x0F };
            var frame = new byte[expected.Length];

            SerprogNanoFrames.WriteWaitRunParameters(frame, At, 0x06, 0x05, 0x01, 1000, 260, 15);

            CollectionAssert.AreEqual(expected, frame);
            Assert.AreEqual(0x06, SerprogNanoFrames.WaitWriteEnable(frame, At), "the first five bytes read as a wait's");
            Assert.AreEqual(0x05, SerprogNanoFrames.WaitStatusOpcode(frame, At));
            Assert.AreEqual(0x01, SerprogNanoFrames.WaitMask(frame, At));
            Assert.AreEqual(1000, SerprogNanoFrames.WaitTimeoutMs(frame, At));
            Assert.AreEqual(260, SerprogNanoFrames.WaitRunOperationLength(frame, At));
            Assert.AreEqual(15, SerprogNanoFrames.WaitRunCount(frame, At));
            Assert.AreEqual(3900, SerprogNanoFrames.WaitRunDataLength(frame, At));
        }

        [TestMethod]
        public void Wait_run_replies_carry_the_count_completed_then_a_wait_reply()
        {
            var reply = new byte[At + SerprogNanoExtensions.WaitRunReplyLength];

            SerprogNanoFrames.WriteWaitRunReply(reply, At, 2, false, 0x03);
            CollectionAssert.AreEqual(new byte[] { 0, 0, 0, 2, SerprogNanoExtensions.WaitTimedOut, 0x03 }, reply);
            Assert.AreEqual(2, SerprogNanoFrames.WaitRunCompleted(reply, At));
            Assert.AreEqual(SerprogNanoExtensions.WaitTimedOut, SerprogNanoFrames.WaitRunOutcome(reply, At));
            Assert.AreEqual(0x03, SerprogNanoFrames.WaitRunStatus(reply, At));

            SerprogNanoFrames.WriteWaitRunReply(reply, At, 255, true, 0x00);
            CollectionAssert.AreEqual(new byte[] { 0, 0, 0, 255, SerprogNanoExtensions.WaitDone, 0x00 }, reply);
            Assert.AreEqual(255, SerprogNanoFrames.WaitRunCompleted(reply, At));
            Assert.AreEqual(SerprogNanoExtensions.WaitDone, SerprogNanoFrames.WaitRunOutcome(reply, At));
        }

        [TestMethod]
        public void Crc_parameters_are_laid_out_as_the_specification_says()
        {
            // READ4, 4 address bytes, start 0x89ABCDEF, block length 0x010000, 0x0102 blocks.
            byte[] expected = { 0, 0, 0, 0x13, 0x04, 0xEF, 0xCD, 0xAB, 0x89, 0x00, 0x00, 0x01, 0x02, 0x01 };
            var frame = new byte[expected.Length];

            SerprogNanoFrames.WriteCrcParameters(frame, At, 0x13, 4, 0x89ABCDEF, 0x010000, 0x0102);

            CollectionAssert.AreEqual(expected, frame);
            Assert.AreEqual(0x13, SerprogNanoFrames.CrcReadOpcode(frame, At));
            Assert.AreEqual(4, SerprogNanoFrames.CrcAddressBytes(frame, At));
            Assert.AreEqual(0x89ABCDEFu, SerprogNanoFrames.CrcStart(frame, At));
            Assert.AreEqual(0x010000, SerprogNanoFrames.CrcBlockLength(frame, At));
            Assert.AreEqual(0x0102, SerprogNanoFrames.CrcBlockCount(frame, At));
        }

        [TestMethod]
        public void Crc_replies_are_one_little_endian_u32_per_block()
        {
            var reply = new byte[At + SerprogNanoFrames.CrcReplyLength(2)];
            SerprogNanoFrames.WriteBlockCrc(reply, At, 0xCBF43926);
            SerprogNanoFrames.WriteBlockCrc(reply, At + SerprogNanoExtensions.CrcBytesPerBlock, 0x01020304);

            CollectionAssert.AreEqual(new byte[] { 0, 0, 0, 0x26, 0x39, 0xF4, 0xCB, 0x04, 0x03, 0x02, 0x01 }, reply);
            Assert.AreEqual(0xCBF43926u, SerprogNanoFrames.BlockCrc(reply, At, 0));
            Assert.AreEqual(0x01020304u, SerprogNanoFrames.BlockCrc(reply, At, 1));
        }
    }
}
