using System.CommandLine;
using System.Text.Json.Nodes;

namespace SerprogNano.Cli.Commands
{
    /// <summary>`serprog probe`: which programmer answers and which chip is on its bus.</summary>
    public static class ProbeCommand
    {
        public static Command Create(CommonOptions common, CliConsole console)
        {
            var flashSize = new Option<bool>("--flash-size")
            {
                Description = "Print only the chip's size in bytes on stdout, as flashrom's --flash-size does (for scripts)",
            };
            var flashName = new Option<bool>("--flash-name")
            {
                Description = "Print only vendor=\"...\" name=\"...\" on stdout, as flashrom's --flash-name does (for scripts)",
            };
            var command = new Command("probe", "Identify the programmer and the flash chip on its bus") { flashSize, flashName };
            common.AddTo(command);
            CommandRunner.SetAction(command, common, console, context =>
            {
                bool size = context.Parse.GetValue(flashSize);
                bool name = context.Parse.GetValue(flashName);
                if (size && name)
                {
                    throw new UsageException("--flash-size and --flash-name each print one line for scripts; give one.");
                }

                // flashrom prints the value as its last stdout line after its banner; here it is the only one.
                context.HumanOnStderr = size || name;
                using FlashSession session = FlashSession.Open(context);
                if (size)
                {
                    context.Result["flashSize"] = session.Chip.Size;
                    if (!context.Json)
                    {
                        console.Out.WriteLine(session.Chip.Size);
                    }
                }
                else if (name)
                {
                    context.Result["flashName"] = new JsonObject { ["vendor"] = session.Chip.Vendor, ["name"] = session.Chip.Name };
                    if (!context.Json)
                    {
                        console.Out.WriteLine("vendor=\"" + session.Chip.Vendor + "\" name=\"" + session.Chip.Name + "\"");
                    }
                }

                return ExitCodes.Ok;
            });
            return command;
        }
    }
}
