using System.CommandLine;

namespace SerprogNano.Cli.Commands
{
    /// <summary>`serprog probe`: which programmer answers and which chip is on its bus.</summary>
    public static class ProbeCommand
    {
        public static Command Create(CommonOptions common, CliConsole console)
        {
            var command = new Command("probe", "Identify the programmer and the flash chip on its bus");
            common.AddTo(command);
            CommandRunner.SetAction(command, common, console, context =>
            {
                using FlashSession session = FlashSession.Open(context);
                return ExitCodes.Ok;
            });
            return command;
        }
    }
}
