using System;
using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using SerprogNano.Chips.Protection;
using SerprogNano.Host.SpiNor.Protection;

namespace SerprogNano.Cli.Commands
{
    /// <summary>
    /// `serprog wp`: flashrom 1.3's write-protect options, with their names and meanings. flashrom runs them as
    /// one operation that takes no -r/-w/-E alongside, so here they are one command: `flashrom -p PROG --wp-status`
    /// is `serprog wp -p PROG --wp-status`. Order as flashrom's: list, then range and mode, then status.
    /// </summary>
    public static class WpCommand
    {
        public static Command Create(CommonOptions common, CliConsole console)
        {
            var status = new Option<bool>("--wp-status") { Description = "Show the protected range, the mode (disabled, hardware, power_cycle, permanent) and the protect bits (the default)" };
            var list = new Option<bool>("--wp-list") { Description = "List the ranges this chip can protect" };
            var range = new Option<string>("--wp-range") { Description = "Protect START,LEN (hex 0x.. or decimal; 0,0 protects nothing); must be one of --wp-list's", HelpName = "START,LEN" };
            var enable = new Option<bool>("--wp-enable") { Description = "Enable hardware protection (SRP=1): the registers, and so the range, are read-only while WP# is low" };
            var disable = new Option<bool>("--wp-disable") { Description = "Disable status register protection (SRP=0, SRL=0) so the range can be changed" };
            var command = new Command("wp", "Write protection as flashrom's --wp-* options: status, list, range, enable, disable") { status, list, range, enable, disable };
            common.AddTo(command);
            CommandRunner.SetAction(command, common, console, context =>
            {
                bool wantEnable = context.Parse.GetValue(enable);
                bool wantDisable = context.Parse.GetValue(disable);
                if (wantEnable && wantDisable)
                {
                    throw new UsageException("--wp-enable and --wp-disable are mutually exclusive (as in flashrom).");
                }

                string? rangeText = context.Parse.GetValue(range);
                ProtectedRange? wantedRange = rangeText is null ? null : ParseRange(rangeText);
                WriteProtectMode? wantedMode = wantEnable ? WriteProtectMode.Hardware : wantDisable ? WriteProtectMode.Disabled : null;
                bool listing = context.Parse.GetValue(list);
                bool changing = wantedRange is not null || wantedMode is not null;
                bool showStatus = context.Parse.GetValue(status) || (!listing && !changing);
                return Run(context, listing, wantedRange, wantedMode, showStatus);
            });
            return command;
        }

        /// <summary>flashrom's START,LEN: each a C number (0x hex, leading 0 octal, else decimal).</summary>
        public static ProtectedRange ParseRange(string text)
        {
            string[] parts = text.Split(',');
            if (parts.Length != 2 || ParseNumber(parts[0]) is not long start || ParseNumber(parts[1]) is not long length)
            {
                throw new UsageException("--wp-range takes START,LEN (e.g. 0x7e0000,0x20000 or 0,0), not \"" + text + "\".");
            }

            return new ProtectedRange(start, length);
        }

        private static long? ParseNumber(string text)
        {
            text = text.Trim();
            try
            {
                if (text.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
                {
                    return long.Parse(text.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
                }

                if (text.Length > 1 && text[0] == '0')
                {
                    return Convert.ToInt64(text, 8);
                }

                return long.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture);
            }
            catch (Exception e) when (e is FormatException or OverflowException or ArgumentException)
            {
                return null;
            }
        }

        /// <summary>What `wp` says of a chip without a known protection layout.</summary>
        private static string UnknownLayout(string chipName) =>
            "protection layout unknown for " + chipName + ": the chip database does not say where its protect bits are or what they guard, so serprog will not set or report a range. "
            + "'serprog info' shows its status registers; the parts with a known layout are listed in host/SerprogNano.Cli/README.md (Write protection).";

        private static int Run(CommandContext context, bool listing, ProtectedRange? range, WriteProtectMode? mode, bool showStatus)
        {
            bool changing = range is not null || mode is not null;
            using FlashSession session = FlashSession.Open(context, changing ? ChipUse.Change : ChipUse.Read);
            long size = session.Chip.Size;
            ChipWriteProtection protection = ChipWriteProtection.For(session.Flash)
                ?? throw new CommandFailedException(UnknownLayout(session.Chip.Name)
                    + (session.Chip.UnprotectedBeforeChange ? " (Its power-up block protection is cleared by write and erase without a flag, as flashrom does.)" : ""));
            context.Result["layout"] = protection.Layout.Name;

            if (listing)
            {
                var ranges = new JsonArray();
                context.Say("Available protection ranges:");
                foreach (ProtectedRange available in protection.AvailableRanges())
                {
                    ranges.Add(WpJson.Range(available, size));
                    context.Say("\t" + available.Describe(size));
                }

                context.Result["ranges"] = ranges;
            }

            if (changing)
            {
                context.Result["changed"] = false;
                WriteProtectChange change = protection.Apply(range, mode);
                context.Result["changed"] = true;
                context.Result["writeProtect"] = WpJson.State(change.After, size);
                context.Result["statusRegisters"] = change.StatusRegisters;
                context.Say("Status registers (read back, every bit compared): " + change.StatusRegisters);
                if (mode == WriteProtectMode.Disabled)
                {
                    context.Say("Disabled hardware protection");
                }

                if (mode == WriteProtectMode.Hardware)
                {
                    context.Say("Enabled hardware protection");
                }

                if (range is ProtectedRange set)
                {
                    context.Say("Activated protection range: " + set.Describe(size));
                }
            }

            if (showStatus)
            {
                WriteProtectState state = protection.Read();
                context.Result["writeProtect"] = WpJson.State(state, size);
                context.Say("Protection range: " + state.Range.Describe(size));
                context.Say("Protection mode: " + WpJson.ModeName(state.Mode));
                context.Say("Protect bits: " + state.Bits.Describe(protection.Layout) + " (layout " + protection.Layout.Name + ")");
            }

            return ExitCodes.Ok;
        }
    }
}
