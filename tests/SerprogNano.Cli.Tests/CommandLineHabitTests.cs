using SerprogNano.Emulator.Chip;
using SerprogNano.Programmers;
using SerprogNano.Programmers.Emulator;

namespace SerprogNano.Cli.Tests
{
    /// <summary>Programmer options right after the name, and flashprog's action flags, as users type them.</summary>
    [TestClass]
    public sealed class CommandLineHabitTests
    {
        [TestMethod]
        public void Emulator_options_may_follow_the_name_without_a_chip()
        {
            var spec = (EmulatorProgrammerSpec)ProgrammerSpec.Parse("emulator,busy=on,baud=2000000");
            Assert.AreSame(SpiNorModels.Default, spec.Settings.Chip);
            Assert.IsTrue(spec.Settings.BusyTimes);
            Assert.IsNotNull(spec.Settings.Link);

            CliRun run = CliRun.Of("probe", "-p", "emulator,busy=on");
            Assert.AreEqual(ExitCodes.Ok, run.ExitCode, run.ToString());
            StringAssert.Contains(run.Output, "W25Q64");
        }

        [TestMethod]
        [DataRow(new[] { "-p", "emulator", "-r", "dump.bin" }, "flashprog's -r: serprog read dump.bin -p emulator")]
        [DataRow(new[] { "-p", "serprog:dev=/dev/ttyACM0,spispeed=16M", "-w", "coreboot.rom" }, "serprog write coreboot.rom -p serprog:dev=/dev/ttyACM0,spispeed=16M")]
        [DataRow(new[] { "-p", "emulator", "-c", "W25Q64FV", "-v", "my image.bin" }, "serprog verify 'my image.bin' -p emulator -c W25Q64FV")]
        [DataRow(new[] { "-p", "emulator", "-E" }, "flashprog's -E: serprog erase -p emulator")]
        [DataRow(new[] { "-p", "emulator" }, "serprog probe -p emulator")]
        [DataRow(new[] { "-p", "emulator", "--wp-status" }, "flashrom's --wp-* options are those of its wp command: serprog wp -p emulator --wp-status")]
        [DataRow(new[] { "-p", "emulator", "--wp-range", "0,0", "--wp-disable" }, "serprog wp -p emulator --wp-range 0,0 --wp-disable")]
        public void Flashprog_style_actions_are_a_usage_error_that_names_the_serprog_command(string[] args, string suggestion)
        {
            string before = System.IO.Directory.GetCurrentDirectory();
            CliRun run = CliRun.Of(args);

            Assert.AreEqual(ExitCodes.Usage, run.ExitCode, run.ToString());
            StringAssert.Contains(run.Error, "error: serprog takes the command first");
            StringAssert.Contains(run.Error, suggestion, run.ToString());
            Assert.DoesNotContain("Unrecognized command or argument", run.Error);
            Assert.IsFalse(System.IO.File.Exists(System.IO.Path.Combine(before, "dump.bin")), "nothing was read or saved");
        }
    }
}
