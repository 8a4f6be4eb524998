using System.Collections.Generic;
using System.CommandLine;
using System.Text.Json.Nodes;
using SerprogNano.Cli.Output;
using SerprogNano.Chips;
using SerprogNano.Host.Sfdp;
using SerprogNano.Host.Serprog;
using SerprogNano.Host.Spi;
using SerprogNano.Protocol;

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
                if (session.Connection.Client is SerprogClient client)
                {
                    DescribeProgrammer(context, client);
                }
                else
                {
                    DescribeTransferLimits(context, session.Connection.Master);
                }

                DescribeSfdp(context, session);
                DescribeStatus(context, session);
                return ExitCodes.Ok;
            });
            return command;
        }

        private static void DescribeProgrammer(CommandContext context, SerprogClient client)
        {
            var supported = new JsonArray();
            var names = new List<string>();
            for (int opcode = 0; opcode < 256; opcode++)
            {
                if (client.Lists((byte)opcode))
                {
                    string name = SerprogCommandTable.NameOf(opcode);
                    supported.Add(name);
                    names.Add(name);
                }
            }

            context.Say("  serprog interface " + client.InterfaceVersion + ", bus types 0x" + client.SupportedBusTypes.ToString("X2"));
            if (!context.Verbose)
            {
                // With -v the session has printed them already.
                context.Say(FlashSession.DescribeLimits(client));
                context.Say(FlashSession.DescribeDriving(client));
            }

            var avoided = new JsonArray();
            foreach (KeyValuePair<byte, string> avoid in client.Driving.Avoid)
            {
                if (client.Lists(avoid.Key))
                {
                    avoided.Add(SerprogCommandTable.NameOf(avoid.Key));
                    context.Say("  not sent: " + SerprogCommandTable.NameOf(avoid.Key) + ", because " + avoid.Value);
                }
            }

            context.Say("  commands: " + string.Join(", ", names));
            JsonObject programmer = context.Result["programmer"]!.AsObject();
            programmer["interfaceVersion"] = client.InterfaceVersion;
            programmer["busTypes"] = client.SupportedBusTypes;
            programmer["serialBuffer"] = client.SerialBufferSize;
            programmer["serialBufferReported"] = client.SerialBufferReported;
            programmer["maxWriteLength"] = client.MaxWriteLength;
            programmer["maxReadLength"] = client.MaxReadLength;
            programmer["commands"] = supported;
            programmer["avoidedCommands"] = avoided;
            programmer["sendAheadBytes"] = client.Driving.SendAheadBytes;
            programmer["profileReason"] = client.Driving.Reason;
        }

        /// <summary>A spidev node has no serprog commands: only the longest phases one transfer carries.</summary>
        private static void DescribeTransferLimits(CommandContext context, ISpiMaster master)
        {
            context.Say("  max write " + master.MaxWriteLength + " bytes, max read " + master.MaxReadLength + " bytes per transfer");
            JsonObject programmer = context.Result["programmer"]!.AsObject();
            programmer["maxWriteLength"] = master.MaxWriteLength;
            programmer["maxReadLength"] = master.MaxReadLength;
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
