using System.CommandLine;

namespace SerprogNano.Cli.Commands
{
    /// <summary>`serprog emulate`: the device engine and an emulated chip behind a TCP port.</summary>
    public static class EmulateCommand
    {
        public static Command Create()
        {
            var command = new Command("emulate", "Serve an emulated serprog programmer with an SPI NOR chip over TCP");
            return command;
        }
    }
}
