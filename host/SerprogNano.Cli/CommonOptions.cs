using System;
using System.CommandLine;
using System.CommandLine.Parsing;
using SerprogNano.Programmers;

namespace SerprogNano.Cli
{
    /// <summary>The options every flash command takes, defined once and added to each command.</summary>
    public sealed class CommonOptions
    {
        public Option<ProgrammerSpec> Programmer { get; } = new("--programmer", "-p")
        {
            Description = "Programmer: /dev/ttyACM0[:BAUD], COM3[:BAUD], tcp:HOST:PORT, emulator[:CHIP], "
                + "serprog:dev=PATH[:BAUD][,spispeed=16M][,cs=0], serprog:ip=HOST:PORT or a board's linux_spi:dev=/dev/spidev0.0[,spispeed=KHZ]. "
                + "Try -p emulator without hardware",
            Required = true,
            CustomParser = ParseProgrammer,
        };

        public Option<uint?> SpiSpeed { get; } = new("--spispeed")
        {
            Description = "SPI clock in Hz, with k or M suffix as in flashprog (e.g. 16M); replaces spispeed= of -p",
            CustomParser = ParseSpiSpeed,
        };

        /// <summary>--baud: the line rate to move a serial programmer to after the handshake (O_NANO_SET_BAUD).</summary>
        public Option<long?> Baud { get; } = WholeNumberOption.Optional(
            "--baud",
            "Move a serial SerprogNano programmer's line to this many baud after the handshake (the -p device opens at its :BAUD); "
                + "if the adapter cannot, the command goes on at the old rate and says so",
            SerprogNano.Protocol.SerprogNanoExtensions.MinBaudRate,
            int.MaxValue);

        public Option<string?> Chip { get; } = new("--chip", "-c")
        {
            Description = "Name of the part on the board, when its id matches parts that differ (e.g. \"W25Q256FV\"); 'serprog chips' lists the names",
        };

        public Option<bool> Json { get; } = new("--json")
        {
            Description = "Print one JSON object on stdout for scripts; human text goes to stderr",
        };

        public Option<bool> Verbose { get; } = new("--verbose", "-v")
        {
            Description = "Say more: programmer limits, warnings' details, stack traces on errors",
        };

        /// <summary>For the commands that change the chip: lift write protection that stands in the way (off by default).</summary>
        public Option<bool> Unprotect { get; } = new("--unprotect")
        {
            Description = "Lift the chip's write protection (protected range set to none) when the change touches it; it is reported either way, and 'serprog wp' sets it back",
        };

        public void AddTo(Command command)
        {
            command.Options.Add(Programmer);
            command.Options.Add(SpiSpeed);
            command.Options.Add(Baud);
            command.Options.Add(Chip);
            command.Options.Add(Json);
            command.Options.Add(Verbose);
        }

        private static ProgrammerSpec? ParseProgrammer(ArgumentResult result)
        {
            try
            {
                return ProgrammerSpec.Parse(result.Tokens[0].Value);
            }
            catch (ProgrammerStringException e)
            {
                result.AddError(e.Message);
                return null;
            }
        }

        private static uint? ParseSpiSpeed(ArgumentResult result)
        {
            try
            {
                return Programmers.SpiSpeed.Parse(result.Tokens[0].Value);
            }
            catch (SpiSpeedException e)
            {
                result.AddError("--spispeed " + e.Value + " " + e.Problem);
                return null;
            }
        }
    }
}
