using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Linq;
using SerprogNano.Chips;
using SerprogNano.Emulator.Chip;
using SerprogNano.TestSupport;

namespace SerprogNano.Emulator.Tests.Chip
{
    [TestClass]
    public sealed class SfdpTests
    {
        /// <summary>The modelled parts with SFDP, then every other database part whose entry says it has SFDP, played from its entry.</summary>
        public static IEnumerable<object[]> PartsWithSfdp()
        {
            foreach (SpiNorModel model in SpiNorModels.All)
            {
                if (model.HasSfdp)
                {
                    yield return new object[] { model.Name };
                }
            }

            foreach (ChipDefinition chip in ChipDatabase.Default.Chips)
            {
                if (chip.HasSfdp && !SpiNorModels.Names.Contains(chip.Name))
                {
                    yield return new object[] { chip.Name };
                }
            }
        }

        [TestMethod]
        [DynamicData(nameof(PartsWithSfdp))]
        public void The_basic_flash_parameter_table_gives_back_the_parts_density_erase_types_page_size_and_address_bytes(string name)
        {
            SpiNorModel model = SpiNorModels.Find(name)!;
            uint[] bfpt = ReadBasicTable(new EmulatedSpiNor(model));

            Assert.IsGreaterThanOrEqualTo(9, bfpt.Length);
            long densityBits = (bfpt[1] & 0x8000_0000) == 0 ? bfpt[1] + 1L : 1L << (int)(bfpt[1] & 0x7FFF_FFFF);
            Assert.AreEqual(model.Size * 8L, densityBits);

            var erases = new List<(int Size, byte Opcode)>();
            for (int i = 0; i < 4; i++)
            {
                uint pair = bfpt[7 + (i / 2)] >> (16 * (i % 2));
                if ((pair & 0xFF) != 0)
                {
                    erases.Add((1 << (int)(pair & 0xFF), (byte)(pair >> 8)));
                }
            }

            var expected = new List<(int Size, byte Opcode)>();
            foreach (EraseBlockType erase in model.EraseTypes)
            {
                expected.Add((erase.Size, erase.Opcode));
            }

            CollectionAssert.AreEqual(expected, erases);
            Assert.AreEqual(0x20u, (bfpt[0] >> 8) & 0xFF, "4 KiB erase opcode");
            Assert.AreEqual(0b01u, bfpt[0] & 0b11, "4 KiB erase available");
            Assert.AreEqual(model.HasFourByteMode ? 0b01u : 0b00u, (bfpt[0] >> 17) & 0b11, "address bytes");
            Assert.HasCount(16, bfpt);
            Assert.AreEqual(model.PageSize, 1 << (int)((bfpt[10] >> 4) & 0xF));
        }

        [TestMethod]
        public void The_typical_4K_erase_and_page_program_times_decode_to_at_least_the_models()
        {
            SpiNorModel model = SpiNorModels.W25Q64FV;
            uint[] bfpt = ReadBasicTable(new EmulatedSpiNor(model));

            uint erase1 = (bfpt[9] >> 4) & 0x7F;
            double[] eraseUnitsMs = { 1, 16, 128, 1000 };
            double eraseUnitMs = eraseUnitsMs[erase1 >> 5];
            double eraseMs = ((erase1 & 0x1F) + 1) * eraseUnitMs;
            uint program = (bfpt[10] >> 8) & 0x3F;
            double programUs = ((program & 0x1F) + 1) * ((program >> 5) == 0 ? 8 : 64);

            // The fields count in coarse units, so the decoded time is the model's rounded up by under one unit.
            Assert.IsTrue(eraseMs >= model.EraseTypes[0].TypicalTime.TotalMilliseconds && eraseMs < model.EraseTypes[0].TypicalTime.TotalMilliseconds + eraseUnitMs);
            Assert.IsTrue(programUs >= model.PageProgramTime.TotalMicroseconds && programUs < model.PageProgramTime.TotalMicroseconds + 64);
        }

        [TestMethod]
        [DataRow("W25Q256JV")]
        [DataRow("MX25L25635F")]
        public void Parts_over_16_MiB_list_their_4_byte_opcodes_in_the_4BAIT(string name)
        {
            SpiNorModel model = SpiNorModels.Find(name)!;
            uint[] table = ReadParameterTable(new EmulatedSpiNor(model), 0xFF84)!;

            Assert.IsNotNull(table);
            Assert.AreEqual(0b1000011u, table[0] & 0x7F, "READ4, FAST_READ4 and PP4, nothing multi-line");
            for (int i = 0; i < model.EraseTypes.Count; i++)
            {
                byte? opcode = model.EraseTypes[i].Opcode4Byte;
                Assert.AreEqual(opcode is not null, (table[0] & (1u << (9 + i))) != 0, $"erase type {i + 1}");
                Assert.AreEqual(opcode ?? 0xFF, (byte)(table[1] >> (8 * i)), $"erase type {i + 1}");
            }

            Assert.AreEqual(1u, (ReadBasicTable(new EmulatedSpiNor(model))[15] >> 24) & 1, "BFPT DWORD16: EN4B 0xB7 enters 4-byte mode");
        }

        [TestMethod]
        public void Parts_of_16_MiB_or_less_have_no_4BAIT()
        {
            Assert.IsNull(ReadParameterTable(new EmulatedSpiNor(SpiNorModels.W25Q128FV), 0xFF84));
        }

        [TestMethod]
        public void Reading_past_the_tables_gives_0xFF_and_a_part_without_SFDP_ignores_0x5A()
        {
            byte[] tail = ChipWire.Command(new EmulatedSpiNor(SpiNorModels.W25Q64FV), SfdpRead(SfdpTable.SpaceSize - 2), 4);
            byte[] none = ChipWire.Command(new EmulatedSpiNor(SpiNorModels.SST25VF040B), SfdpRead(0), 4);
            byte[] noneInEntry = ChipWire.Command(new EmulatedSpiNor(SpiNorModels.FromDatabase(ChipDatabase.Default.FindByName("MX25L8005")!)), SfdpRead(0), 4);

            CollectionAssert.AreEqual(ChipWire.Filled(4, 0xFF), tail);
            CollectionAssert.AreEqual(ChipWire.Filled(4, 0xFF), none);
            CollectionAssert.AreEqual(ChipWire.Filled(4, 0xFF), noneInEntry, "a database part its entry gives no SFDP");
        }

        private static uint[] ReadBasicTable(EmulatedSpiNor chip) =>
            ReadParameterTable(chip, 0xFF00) ?? throw new AssertFailedException("No Basic Flash Parameter Table header.");

        /// <summary>Reads SFDP the way a host does: header, parameter headers, then the table with <paramref name="id"/>, if any.</summary>
        private static uint[]? ReadParameterTable(EmulatedSpiNor chip, int id)
        {
            byte[] header = ChipWire.Command(chip, SfdpRead(0), 8);
            Assert.AreEqual("SFDP", System.Text.Encoding.ASCII.GetString(header, 0, 4));
            Assert.AreEqual(1, header[5], "JESD216 major revision");
            int headers = header[6] + 1;

            byte[] parameterHeaders = ChipWire.Command(chip, SfdpRead(8), 8 * headers);
            for (int i = 0; i < headers; i++)
            {
                ReadOnlySpan<byte> p = parameterHeaders.AsSpan(8 * i, 8);
                if (p[0] == (byte)id && p[7] == (byte)(id >> 8))
                {
                    int length = p[3];
                    int pointer = p[4] | (p[5] << 8) | (p[6] << 16);
                    byte[] table = ChipWire.Command(chip, SfdpRead(pointer), 4 * length);
                    var dwords = new uint[length];
                    for (int d = 0; d < length; d++)
                    {
                        dwords[d] = BinaryPrimitives.ReadUInt32LittleEndian(table.AsSpan(4 * d));
                    }

                    return dwords;
                }
            }

            return null;
        }

        private static byte[] SfdpRead(int address) => ChipWire.Concat(ChipWire.Op(SpiNorOpcodes.ReadSfdp, address), new byte[] { 0xFF });
    }
}
