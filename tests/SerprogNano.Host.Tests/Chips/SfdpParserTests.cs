using System;
using System.Linq;
using SerprogNano.Chips;
using SerprogNano.Host.Sfdp;

namespace SerprogNano.Host.Tests.Chips
{
    [TestClass]
    public sealed class SfdpParserTests
    {
        private const ushort BasicTable = 0xFF00;
        private const int MiB = 1024 * 1024;

        /// <summary>4 KiB erase 0x20 supported, page writes, non-volatile status, 3-byte addresses only.</summary>
        private const uint Dword1ThreeByte = 0xFFF920E5;

        /// <summary>2^26 bits - 1: 8 MiB.</summary>
        private const uint Dword2EightMiB = 0x03FF_FFFF;

        /// <summary>Erase type 1: 2^12 with 0x20; type 2: 2^15 with 0x52.</summary>
        private const uint Dword8 = 0x520F_200C;

        /// <summary>Erase type 3: 2^16 with 0xD8; type 4 absent.</summary>
        private const uint Dword9 = 0x0000_D810;

        /// <summary>
        /// Max = 2*(3+1) = 8x typical; type 1: (2+1) x 16 ms; type 2: (7+1) x 16 ms; type 3: (9+1) x 16 ms; type 4: none.
        /// </summary>
        private const uint Dword10 = 0x00A5_3A23;

        /// <summary>
        /// Program max = 2*(2+1) = 6x typical; page 2^9; page program (5+1) x 64 us; chip erase (4+1) x 4 s.
        /// </summary>
        private const uint Dword11 = 0x4400_2592;

        private static readonly uint[] FastReadDwords = [0x44EB_0844, 0x6B08_3B08, 0xFFFF_FFEE, 0xFF00_FFFF, 0xFF00_FFFF];

        [TestMethod]
        public void Jesd216_table_gives_size_erase_types_and_the_default_page_size()
        {
            SfdpInfo info = Parse(Image(Jesd216(Dword1ThreeByte, Dword2EightMiB)))!;

            Assert.AreEqual(new Version(1, 0), info.Revision);
            Assert.AreEqual(9, info.BasicTableLengthDwords);
            Assert.AreEqual(8L * MiB, info.Size);
            Assert.AreEqual(256, info.PageSize);
            Assert.AreEqual(SfdpAddressBytes.ThreeOnly, info.AddressBytes);
            Assert.AreEqual((byte)0x20, info.Erase4KOpcode);
            Assert.IsFalse(info.Requires4ByteAddressing);
            Assert.IsFalse(info.ByteProgramOnly);
            Assert.IsFalse(info.NeedsEwsr);
            Assert.IsNull(info.Timings);
            CollectionAssert.AreEqual(
                new[] { new SfdpEraseType(4096, SpiNorOpcodes.SectorErase4K, null, null), new SfdpEraseType(32768, SpiNorOpcodes.BlockErase32K, null, null), new SfdpEraseType(65536, SpiNorOpcodes.BlockErase64K, null, null) },
                info.EraseTypes.ToArray());
        }

        [TestMethod]
        public void Jesd216b_table_adds_page_size_and_busy_times()
        {
            SfdpInfo info = Parse(Image(Jesd216b(Dword1ThreeByte, Dword2EightMiB), minor: 6))!;

            Assert.AreEqual(new Version(1, 6), info.BasicTableRevision);
            Assert.AreEqual(16, info.BasicTableLengthDwords);
            Assert.AreEqual(512, info.PageSize);
            CollectionAssert.AreEqual(
                new[]
                {
                    new SfdpEraseType(4096, SpiNorOpcodes.SectorErase4K, Ms(48), Ms(384)),
                    new SfdpEraseType(32768, SpiNorOpcodes.BlockErase32K, Ms(128), Ms(1024)),
                    new SfdpEraseType(65536, SpiNorOpcodes.BlockErase64K, Ms(160), Ms(1280)),
                },
                info.EraseTypes.ToArray());
            Assert.AreEqual(new ChipTimings(TimeSpan.FromMicroseconds(384), TimeSpan.FromMicroseconds(2304), Ms(20_000), Ms(160_000)), info.Timings);
        }

        [TestMethod]
        [DataRow(0x003F_FFFFu, 512L * 1024)]
        [DataRow(0x03FF_FFFFu, 8L * MiB)]
        [DataRow(0x7FFF_FFFFu, 256L * MiB)]
        [DataRow(0x8000_001Cu, 32L * MiB)]
        [DataRow(0x8000_0020u, 512L * MiB)]
        public void Density_is_bits_minus_one_or_with_bit_31_a_power_of_two_bits(uint dword2, long size)
        {
            Assert.AreEqual(size, Parse(Image(Jesd216(Dword1ThreeByte, dword2)))!.Size);
        }

        [TestMethod]
        public void Thirty_two_MiB_chip_needs_4_byte_addressing()
        {
            // Bits 18:17 = 01: 3- or 4-byte addresses.
            SfdpInfo info = Parse(Image(Jesd216b(0xFFFB_20E5, 0x8000_001C), minor: 6))!;

            Assert.AreEqual(SfdpAddressBytes.ThreeOrFour, info.AddressBytes);
            Assert.IsTrue(info.Requires4ByteAddressing);
            Assert.AreEqual(FourByteAddressing.Enter4ByteMode, info.ToChipDefinition(0xEF, 0x4019).FourByteAddressing);
        }

        [TestMethod]
        [DataRow(0xFFF9_20E5u, SfdpAddressBytes.ThreeOnly)]
        [DataRow(0xFFFB_20E5u, SfdpAddressBytes.ThreeOrFour)]
        [DataRow(0xFFFD_20E5u, SfdpAddressBytes.FourOnly)]
        public void Address_bytes_come_from_dword_1_bits_18_to_17(uint dword1, SfdpAddressBytes expected)
        {
            Assert.AreEqual(expected, Parse(Image(Jesd216(dword1, Dword2EightMiB)))!.AddressBytes);
        }

        [TestMethod]
        public void Reserved_address_bytes_value_is_malformed()
        {
            Assert.ThrowsExactly<SfdpFormatException>(() => Parse(Image(Jesd216(0xFFFF_20E5, Dword2EightMiB))));
        }

        [TestMethod]
        public void Absent_erase_types_are_skipped_and_the_rest_sorted_by_size()
        {
            uint[] table = Jesd216(Dword1ThreeByte, Dword2EightMiB);
            table[7] = 0xD810_0000;
            table[8] = 0x0000_200C;

            SfdpInfo info = Parse(Image(table))!;

            CollectionAssert.AreEqual(new[] { 4096, 65536 }, info.EraseTypes.Select(erase => erase.Size).ToArray());
            CollectionAssert.AreEqual(new byte[] { SpiNorOpcodes.SectorErase4K, SpiNorOpcodes.BlockErase64K }, info.EraseTypes.Select(erase => erase.Opcode).ToArray());
        }

        [TestMethod]
        public void Table_without_erase_types_falls_back_to_the_4_KiB_erase_of_dword_1()
        {
            uint[] table = Jesd216(Dword1ThreeByte, Dword2EightMiB);
            table[7] = 0;
            table[8] = 0;

            SfdpInfo info = Parse(Image(table))!;

            CollectionAssert.AreEqual(new[] { new SfdpEraseType(4096, SpiNorOpcodes.SectorErase4K, null, null) }, info.EraseTypes.ToArray());
        }

        [TestMethod]
        public void Byte_granularity_and_volatile_status_after_ewsr_are_decoded()
        {
            // Bit 2 clear: 1-byte writes; bit 3 set, bit 4 clear: volatile status written after EWSR (0x50).
            SfdpInfo info = Parse(Image(Jesd216(0xFFF9_20E9, Dword2EightMiB)))!;

            Assert.IsTrue(info.ByteProgramOnly);
            Assert.IsTrue(info.NeedsEwsr);
        }

        [TestMethod]
        public void Newest_basic_table_revision_is_used()
        {
            byte[] image = new SfdpImage(1, 6)
                .AddTable(BasicTable, 1, 0, 0x30, Jesd216(Dword1ThreeByte, Dword2EightMiB))
                .AddTable(BasicTable, 1, 6, 0x80, Jesd216b(Dword1ThreeByte, 0x8000_001C))
                .ToBytes();

            SfdpInfo info = Parse(image)!;

            Assert.AreEqual(new Version(1, 6), info.BasicTableRevision);
            Assert.AreEqual(32L * MiB, info.Size);
        }

        [TestMethod]
        [DataRow((byte)0xFF)]
        [DataRow((byte)0x00)]
        public void Missing_signature_means_no_sfdp(byte fill)
        {
            Assert.IsNull(SfdpParser.Parse((address, length) => Enumerable.Repeat(fill, length).ToArray()));
        }

        [TestMethod]
        public void Truncated_table_is_malformed()
        {
            byte[] image = Image(Jesd216b(Dword1ThreeByte, Dword2EightMiB));

            var error = Assert.ThrowsExactly<SfdpFormatException>(() => Parse(image[..^4]));

            StringAssert.Contains(error.Message, "read 60 of 64 bytes");
        }

        [TestMethod]
        public void Pointer_past_the_sfdp_data_is_malformed()
        {
            byte[] image = new SfdpImage(1, 6).AddTable(BasicTable, 1, 6, 0x1000, Jesd216b(Dword1ThreeByte, Dword2EightMiB)).ToBytes();

            var error = Assert.ThrowsExactly<SfdpFormatException>(() => Parse(image[..0x100]));

            StringAssert.Contains(error.Message, "read 0 of 64 bytes at 0x001000");
        }

        [TestMethod]
        [DataRow(0x00)]
        [DataRow(0x0C)]
        public void Pointer_into_the_headers_is_malformed(int pointer)
        {
            byte[] image = Image(Jesd216(Dword1ThreeByte, Dword2EightMiB));
            image[12] = (byte)pointer;

            var error = Assert.ThrowsExactly<SfdpFormatException>(() => Parse(image));

            StringAssert.Contains(error.Message, $"pointer 0x{pointer:X6} is outside the SFDP tables");
        }

        [TestMethod]
        public void Basic_table_shorter_than_jesd216_is_malformed()
        {
            byte[] image = new SfdpImage(1, 0).AddTable(BasicTable, 1, 0, 0x10, Dword1ThreeByte, Dword2EightMiB).ToBytes();

            Assert.ThrowsExactly<SfdpFormatException>(() => Parse(image));
        }

        [TestMethod]
        public void Unknown_major_revision_is_malformed()
        {
            Assert.ThrowsExactly<SfdpFormatException>(() => Parse(new SfdpImage(2, 0).AddTable(BasicTable, 1, 0, 0x10, Jesd216(Dword1ThreeByte, Dword2EightMiB)).ToBytes()));
        }

        [TestMethod]
        public void Sfdp_without_a_basic_table_is_malformed()
        {
            // 0xFF84 is the 4-byte address instruction table.
            Assert.ThrowsExactly<SfdpFormatException>(() => Parse(new SfdpImage(1, 6).AddTable(0xFF84, 1, 0, 0x10, 0xFFFF_FFFF, 0xFFFF_FFFF).ToBytes()));
        }

        [TestMethod]
        public void Erased_basic_table_is_malformed()
        {
            uint[] erased = Enumerable.Repeat(0xFFFF_FFFFu, 9).ToArray();

            Assert.ThrowsExactly<SfdpFormatException>(() => Parse(Image(erased)));
        }

        [TestMethod]
        public void Chip_found_only_by_sfdp_gets_a_valid_definition_with_sfdp_times()
        {
            ChipDefinition chip = Parse(Image(Jesd216b(Dword1ThreeByte, Dword2EightMiB), minor: 6))!.ToChipDefinition(0xEF, 0x4017);

            ChipDefinitionValidator.Validate(chip);
            Assert.AreEqual("SFDP EF4017", chip.Name);
            Assert.AreEqual("EF 40 17", chip.JedecId);
            Assert.AreEqual(8L * MiB, chip.Size);
            Assert.AreEqual(512, chip.PageSize);
            Assert.AreEqual(FourByteAddressing.None, chip.FourByteAddressing);
            Assert.AreEqual(Ms(1280), chip.EraseBlocks[2].MaxTime);
            Assert.AreEqual(Ms(160_000), chip.Timings.ChipEraseMax);
        }

        [TestMethod]
        public void Chip_found_by_a_jesd216_table_gets_generic_times()
        {
            ChipDefinition chip = Parse(Image(Jesd216(Dword1ThreeByte, Dword2EightMiB)))!.ToChipDefinition(0xEF, 0x4017);

            Assert.AreEqual(GenericTimings.ForChip(8L * MiB), chip.Timings);
            Assert.AreEqual(GenericTimings.ForEraseBlock(4096).Max, chip.EraseBlocks[0].MaxTime);
        }

        [TestMethod]
        public void Sfdp_of_a_w25q64_agrees_with_its_database_entry()
        {
            ChipDefinition fromSfdp = Parse(Image(Jesd216(Dword1ThreeByte, Dword2EightMiB)))!.ToChipDefinition(0xEF, 0x4017);
            ChipDefinition fromDatabase = ChipDatabase.Default.FindByName("W25Q64FV")!;

            Assert.AreEqual(fromDatabase.Size, fromSfdp.Size);
            Assert.AreEqual(fromDatabase.PageSize, fromSfdp.PageSize);
            CollectionAssert.AreEqual(
                fromDatabase.EraseBlocks.Select(block => (block.Size, block.Opcode)).ToArray(),
                fromSfdp.EraseBlocks.Select(block => (block.Size, block.Opcode)).ToArray());
        }

        private static SfdpInfo? Parse(byte[] image)
        {
            return SfdpParser.Parse(SfdpImage.Reader(image));
        }

        private static byte[] Image(uint[] basicTable, byte minor = 0)
        {
            return new SfdpImage(1, minor).AddTable(BasicTable, 1, minor, 0x30, basicTable).ToBytes();
        }

        private static uint[] Jesd216(uint dword1, uint dword2)
        {
            return [dword1, dword2, .. FastReadDwords, Dword8, Dword9];
        }

        private static uint[] Jesd216b(uint dword1, uint dword2)
        {
            return [.. Jesd216(dword1, dword2), Dword10, Dword11, 0, 0, 0, 0, 0];
        }

        private static TimeSpan Ms(double milliseconds)
        {
            return TimeSpan.FromMilliseconds(milliseconds);
        }
    }
}
