using SerprogNano.Esp32;
using SerprogNano.Firmware.Tests.Harness;
using SerprogNano.Protocol;

namespace SerprogNano.Firmware.Tests
{
    /// <summary>The limits the firmware advertises are ones it honours.</summary>
    [TestClass]
    public sealed class FirmwareSettingsTests
    {
        private const int Esp32SpiMaxTransfer = 16384; // max_transfer_sz of nanoFramework's ESP32 SPI bus

        [TestMethod]
        public void The_longest_O_SPIOP_frame_fits_the_UART_receive_buffer_and_a_chunk_fits_one_SPI_transfer()
        {
            int longestFrame = 1 + SerprogLimits.SpiOperationHeaderLength + FirmwareSettings.MaxWriteLength;
            Assert.IsGreaterThanOrEqualTo(longestFrame, FirmwareSettings.SerialReceiveBufferSize);
            Assert.IsLessThanOrEqualTo(Esp32SpiMaxTransfer, FirmwareSettings.DataBufferSize);
            Assert.IsLessThanOrEqualTo(FirmwareSettings.DataBufferSize, FirmwareSettings.MaxWriteLength);
        }

        [TestMethod]
        public void The_engine_reports_the_firmware_limits_and_enforces_the_write_limit()
        {
            BoardProfile board = BoardProfiles.Esp32S3DevKitC1();
            using var device = FirmwareEngine.Start(FirmwareSettings.ForBoard(board), board.ClockSteps);

            byte[] serialBuffer = device.RoundTrip(new[] { SerprogOpcode.QuerySerialBuffer }, 3);
            byte[] writeMax = device.RoundTrip(new[] { SerprogOpcode.QueryWriteNMaxLength }, 4);
            byte[] readMax = device.RoundTrip(new[] { SerprogOpcode.QueryReadNMaxLength }, 4);
            byte[] name = device.RoundTrip(new[] { SerprogOpcode.QueryProgrammerName }, 17);

            Assert.AreEqual(FirmwareSettings.SerialReceiveBufferSize, LittleEndian.ReadUInt16(serialBuffer, 1));
            Assert.AreEqual(FirmwareSettings.MaxWriteLength, LittleEndian.ReadUInt24(writeMax, 1));
            Assert.AreEqual(SerprogLimits.MaxLength24 - 1, LittleEndian.ReadUInt24(readMax, 1), "the read phase streams: any rlen a frame can carry");
            Assert.AreEqual(board.ProgrammerName, System.Text.Encoding.ASCII.GetString(name, 1, 16).TrimEnd('\0'));

            Assert.AreEqual(SerprogReply.Ack, device.RoundTrip(new byte[] { SerprogOpcode.SetPinState, 1 }, 1)[0]);
            device.SpiOperation(new byte[FirmwareSettings.MaxWriteLength], 0);
            var tooLong = new byte[1 + SerprogLimits.SpiOperationHeaderLength + FirmwareSettings.MaxWriteLength + 1];
            tooLong[0] = SerprogOpcode.SpiOperation;
            LittleEndian.WriteUInt24(tooLong, 1, FirmwareSettings.MaxWriteLength + 1);
            Assert.AreEqual(SerprogReply.Nak, device.RoundTrip(tooLong, 1)[0]);
        }

        [TestMethod]
        public void S_SPI_FREQ_grants_the_board_steps()
        {
            BoardProfile board = BoardProfiles.Esp32C3DevKitM1();
            using var device = FirmwareEngine.Start(FirmwareSettings.ForBoard(board), board.ClockSteps);
            var frame = new byte[5];
            frame[0] = SerprogOpcode.SetSpiFrequency;
            LittleEndian.WriteUInt32(frame, 1, 16_000_000);

            byte[] reply = device.RoundTrip(frame, 5);

            Assert.AreEqual(SerprogReply.Ack, reply[0]);
            Assert.AreEqual(ClockStepTable.Select(board.ClockSteps, 16_000_000), LittleEndian.ReadUInt32(reply, 1));
        }
    }
}
