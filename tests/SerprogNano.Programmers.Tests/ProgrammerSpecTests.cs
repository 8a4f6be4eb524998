using SerprogNano.Programmers.Emulator;
using SerprogNano.Programmers.Serprog;

namespace SerprogNano.Programmers.Tests
{
    [TestClass]
    public sealed class ProgrammerSpecTests
    {
        [TestMethod]
        public void A_device_path_alone_is_a_serial_port_at_the_default_baud()
        {
            var spec = (SerialProgrammerSpec)ProgrammerSpec.Parse("/dev/ttyACM0");
            Assert.AreEqual("/dev/ttyACM0", spec.DevicePath);
            Assert.IsNull(spec.BaudRate);
            Assert.IsNull(spec.SpiSpeedHz);
        }

        [TestMethod]
        [DataRow("/dev/ttyACM0:115200", "/dev/ttyACM0", 115200)]
        [DataRow("/dev/ttyUSB1:2000000", "/dev/ttyUSB1", 2000000)]
        [DataRow("COM3:9600", "COM3", 9600)]
        [DataRow("com12", "com12", null)]
        [DataRow("/dev/serial/by-path/pci-0000:00:14.0-usb-0:1:1.0", "/dev/serial/by-path/pci-0000:00:14.0-usb-0:1:1.0", null)]
        public void A_trailing_number_after_the_last_colon_is_the_baud_rate(string text, string path, int? baud)
        {
            var spec = (SerialProgrammerSpec)ProgrammerSpec.Parse(text);
            Assert.AreEqual(path, spec.DevicePath);
            Assert.AreEqual(baud, spec.BaudRate);
        }

        [TestMethod]
        public void Flashprogs_serial_form_from_the_guide_parses_with_spispeed_in_hz()
        {
            var spec = (SerialProgrammerSpec)ProgrammerSpec.Parse("serprog:dev=/dev/ttyACM0,spispeed=16M");
            Assert.AreEqual("/dev/ttyACM0", spec.DevicePath);
            Assert.IsNull(spec.BaudRate);
            Assert.AreEqual(16_000_000u, spec.SpiSpeedHz);
            Assert.IsNull(spec.ChipSelect);
        }

        [TestMethod]
        public void Flashprogs_serial_form_takes_baud_and_chip_select()
        {
            var spec = (SerialProgrammerSpec)ProgrammerSpec.Parse("serprog:dev=/dev/ttyACM0:115200,spispeed=16M,cs=1");
            Assert.AreEqual("/dev/ttyACM0", spec.DevicePath);
            Assert.AreEqual(115200, spec.BaudRate);
            Assert.AreEqual(16_000_000u, spec.SpiSpeedHz);
            Assert.AreEqual((byte)1, spec.ChipSelect);
        }

        [TestMethod]
        public void Flashprogs_network_form_is_tcp()
        {
            var spec = (TcpProgrammerSpec)ProgrammerSpec.Parse("serprog:ip=192.168.1.5:7777,spispeed=500k");
            Assert.AreEqual("192.168.1.5", spec.Host);
            Assert.AreEqual(7777, spec.Port);
            Assert.AreEqual(500_000u, spec.SpiSpeedHz);
        }

        [TestMethod]
        [DataRow("tcp:127.0.0.1:4444", "127.0.0.1", 4444)]
        [DataRow("tcp:localhost:1", "localhost", 1)]
        [DataRow("tcp:[::1]:65535", "::1", 65535)]
        [DataRow("TCP:pi.local:7777", "pi.local", 7777)]
        public void Tcp_short_form_parses_host_and_port(string text, string host, int port)
        {
            var spec = (TcpProgrammerSpec)ProgrammerSpec.Parse(text);
            Assert.AreEqual(host, spec.Host);
            Assert.AreEqual(port, spec.Port);
        }

        [TestMethod]
        public void Bare_emulator_carries_the_default_chip_on_an_instant_link()
        {
            var spec = (EmulatorProgrammerSpec)ProgrammerSpec.Parse("emulator");
            Assert.AreEqual("W25Q64FV", spec.Settings.Chip.Name);
            Assert.IsNull(spec.Settings.Link);
            Assert.IsFalse(spec.Settings.BusyTimes);
            Assert.IsNull(spec.Settings.ImagePath);
        }

        [TestMethod]
        public void Emulator_takes_a_chip_a_link_model_busy_times_and_an_image()
        {
            var spec = (EmulatorProgrammerSpec)ProgrammerSpec.Parse("emulator:W25Q32FV,baud=2000000,latency-us=1000,busy=on,image=/tmp/a.bin,spispeed=8M");
            Assert.AreEqual("W25Q32FV", spec.Settings.Chip.Name);
            Assert.IsNotNull(spec.Settings.Link);
            Assert.AreEqual(2_000_000, spec.Settings.Link.BaudRate);
            Assert.AreEqual(1000, spec.Settings.Link.LatencyMicroseconds);
            Assert.AreEqual(200_000.0, spec.Settings.Link.BytesPerSecond);
            Assert.IsTrue(spec.Settings.BusyTimes);
            Assert.AreEqual("/tmp/a.bin", spec.Settings.ImagePath);
            Assert.AreEqual(8_000_000u, spec.SpiSpeedHz);
        }

        [TestMethod]
        public void Emulator_link_shape_is_packets_unless_bursty_is_asked_for()
        {
            var packets = (EmulatorProgrammerSpec)ProgrammerSpec.Parse("emulator:baud=2000000,latency-us=500");
            var bursty = (EmulatorProgrammerSpec)ProgrammerSpec.Parse("emulator:baud=2000000,latency-us=500,link=bursty");
            Assert.AreEqual("packets", packets.Settings.Link!.Shape);
            Assert.AreEqual("bursty", bursty.Settings.Link!.Shape);
            Assert.AreEqual(2_000_000, bursty.Settings.Link.BaudRate);
            StringAssert.Contains(Assert.ThrowsExactly<ProgrammerStringException>(() => ProgrammerSpec.Parse("emulator:link=slow")).Message, "packets or bursty");
        }

        [TestMethod]
        public void Emulator_latency_alone_models_a_link_without_a_rate_limit()
        {
            var spec = (EmulatorProgrammerSpec)ProgrammerSpec.Parse("emulator:chip=SST25VF040B,latency-us=250");
            Assert.AreEqual("SST25VF040B", spec.Settings.Chip.Name);
            Assert.AreEqual(0, spec.Settings.Link!.BaudRate);
            Assert.IsNull(spec.Settings.Link.BytesPerSecond);
        }

        [TestMethod]
        [DataRow("", "empty")]
        [DataRow("serprog", "dev=")]
        [DataRow("serprog:", "dev=")]
        [DataRow("serprog:spispeed=16M", "dev=")]
        [DataRow("serprog:dev=/dev/ttyACM0,ip=1.2.3.4:5", "not both")]
        [DataRow("serprog:dev=/dev/ttyACM0,speed=16M", "'speed' is not a parameter")]
        [DataRow("serprog:dev=/dev/ttyACM0,dev=/dev/ttyACM1", "twice")]
        [DataRow("serprog:dev=/dev/ttyACM0,cs=300", "cs=300")]
        [DataRow("serprog:dev=/dev/ttyACM0,spispeed=16G", "spispeed=16G")]
        [DataRow("serprog:dev=/dev/ttyACM0,spispeed", "spispeed= needs a value")]
        [DataRow("serprog:dev=/dev/ttyACM0:", "no baud rate")]
        [DataRow("serprog:ip=1.2.3.4", "HOST:PORT")]
        [DataRow("serprog:ip=1.2.3.4:99999", "1 to 65535")]
        [DataRow("tcp:localhost", "HOST:PORT")]
        [DataRow("tcp:localhost:port", "1 to 65535")]
        [DataRow("tcp:::1:80", "brackets")]
        [DataRow("emulator:W25Q64FV,baud=fast", "baud= needs a whole number")]
        [DataRow("emulator:W25Q64FV,busy=maybe", "on or off")]
        [DataRow("emulator:A,B", "one chip name")]
        [DataRow("flashrom", "Unknown programmer 'flashrom'")]
        [DataRow("ft2232_spi:type=2232H", "not supported yet")]
        [DataRow("linux_spi:spispeed=32768", "needs dev=")]
        public void Malformed_or_unsupported_strings_are_refused_with_a_reason(string text, string reason)
        {
            var error = Assert.Throws<ProgrammerStringException>(() => ProgrammerSpec.Parse(text));
            StringAssert.Contains(error.Message, reason);
        }

        [TestMethod]
        public void Ch341a_is_refused_with_the_guides_reason()
        {
            var error = Assert.ThrowsExactly<ProgrammerStringException>(() => ProgrammerSpec.Parse("ch341a_spi"));
            StringAssert.Contains(error.Message, "5 V logic");
            StringAssert.Contains(error.Message, "damage");
            StringAssert.Contains(error.Message, "chipset");
        }
    }
}
