using System.Collections.Generic;
using System.CommandLine;
using System.Text.Json.Nodes;
using SerprogNano.Cli.Output;
using SerprogNano.Chips;
using SerprogNano.Host.Sfdp;
using SerprogNano.Programmers;

namespace SerprogNano.Cli.Commands
{
    /// <summary>`serprog info`: the programmer's limits and commands, the chip, its SFDP tables and status registers.</summary>
    public static class InfoCommand
    {
        public static Command Create(CommonOptions common, CliConsole console)
        {
            var command = new Command("info", "Show the programmer (name, limits, supported commands) and the chip (id, SFDP, status registers)");
            common.AddTo(command);
            CommandRunner.SetAction(command, common, console, context =>
            {
                using FlashSession session = FlashSession.Open(context);
                DescribeProgrammer(context, session.Programmer.Describe());
                DescribeSfdp(context, session);
                DescribeStatus(context, session);
                return ExitCodes.Ok;
            });
            return command;
        }

        private static void DescribeProgrammer(CommandContext context, ProgrammerDescription description)
        {
            foreach (ProgrammerFact fact in description.Inventory)
            {
                // With -v the session has printed the details already.
                if (!fact.IsDetail || !context.Verbose)
                {
                    context.Say(fact.Text);
                }
            }

            FlashSession.Merge(context.Result["programmer"]!.AsObject(), description.InventoryFields);
        }

        private static void DescribeSfdp(CommandContext context, FlashSession session)
        {
            SfdpInfo? sfdp = SfdpParser.Parse((address, length) => session.Flash.ReadSfdp(address, length));
            if (sfdp == null)
            {
                context.Say("SFDP: none (the chip has no SFDP tables)");
                context.Result["sfdp"] = null;
                return;
            }

            var erases = new JsonArray();
            var eraseText = new List<string>();
            foreach (SfdpEraseType erase in sfdp.EraseTypes)
            {
                erases.Add(new JsonObject { ["size"] = erase.Size, ["opcode"] = "0x" + erase.Opcode.ToString("X2") });
                eraseText.Add(ByteUnits.Size(erase.Size) + " (0x" + erase.Opcode.ToString("X2") + ")");
            }

            context.Say("SFDP " + sfdp.Revision + ": " + ByteUnits.Size(sfdp.Size) + ", page " + sfdp.PageSize + " bytes, erase " + string.Join(", ", eraseText) + ", addressing " + sfdp.AddressBytes);
            context.Result["sfdp"] = new JsonObject
            {
                ["revision"] = sfdp.Revision.ToString(),
                ["size"] = sfdp.Size,
                ["pageSize"] = sfdp.PageSize,
                ["eraseTypes"] = erases,
                ["addressBytes"] = sfdp.AddressBytes.ToString(),
            };
        }

        private static void DescribeStatus(CommandContext context, FlashSession session)
        {
            byte[] status = session.Flash.ReadStatusRegisters();
            var registers = new JsonArray();
            var text = new List<string>();
            for (int i = 0; i < status.Length; i++)
            {
                registers.Add(status[i]);
                text.Add("SR" + (i + 1) + "=0x" + status[i].ToString("X2"));
            }

            byte protect = (byte)(status[0] & session.Chip.ProtectMask);
            context.Say("Status: " + string.Join(" ", text) + (protect == 0 ? ", no block protection" : ", block protection ON (bits 0x" + protect.ToString("X2") + ")"));
            context.Result["statusRegisters"] = registers;
            context.Result["protectBits"] = protect;
        }
    }
}
