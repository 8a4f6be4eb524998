using System;
using System.Collections.Generic;
using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using SerprogNano.Cli.Output;
using SerprogNano.Chips;

namespace SerprogNano.Cli.Commands
{
    /// <summary>`serprog chips [FILTER] [--vendor V] [--size S] [--voltage V] [--id ID]`: the chip database, for choosing a -c name; needs no programmer.</summary>
    public static class ChipsCommand
    {
        public static Command Create(CliConsole console)
        {
            var filter = new Argument<string?>("FILTER")
            {
                Description = "Show only parts whose name, vendor or id contains this (e.g. W25Q64, macronix, \"EF 40 17\", EF4017)",
                Arity = ArgumentArity.ZeroOrOne,
            };
            var vendor = new Option<string?>("--vendor") { Description = "Only this vendor's parts (part of its name, e.g. winbond, micron)" };
            var size = new Option<long?>("--size") { Description = "Only parts of this size: bytes, or with K or M (binary), e.g. 8M", CustomParser = ParseSize };
            var voltage = new Option<double?>("--voltage") { Description = "Only parts that run at this supply voltage, e.g. 3.3 or 1.8" };
            var id = new Option<string?>("--id") { Description = "Only parts with this id (RDID bytes, e.g. EF4017 or \"EF 40 17\"; or a REMS/RES answer, e.g. BF44)" };
            var json = new Option<bool>("--json") { Description = "Print one JSON object on stdout for scripts" };
            var command = new Command("chips", "List the chip database: name (for -c), vendor, id, size, voltage and what flashrom reports tested")
            {
                filter, vendor, size, voltage, id, json,
            };
            command.SetAction(parse => Run(
                console,
                new Filters(parse.GetValue(filter), parse.GetValue(vendor), parse.GetValue(size), parse.GetValue(voltage), parse.GetValue(id)),
                parse.GetValue(json)));
            return command;
        }

        private static int Run(CliConsole console, Filters filters, bool json)
        {
            ChipDatabase database = ChipDatabase.Default;
            List<ChipDefinition> chips = database.Chips.Where(filters.Match).ToList();
            var list = new JsonArray();
            foreach (ChipDefinition chip in chips)
            {
                list.Add(new JsonObject
                {
                    ["name"] = chip.Name,
                    ["vendor"] = chip.Vendor,
                    ["jedecId"] = chip.JedecId,
                    ["size"] = chip.Size,
                    ["voltageMin"] = chip.VoltageMin,
                    ["voltageMax"] = chip.VoltageMax,
                    ["flashromTested"] = chip.Tested,
                    ["flashromBroken"] = chip.Broken,
                    ["readOnlyBecause"] = chip.ChangeRefusal,
                });
            }

            string? error = null;
            if (chips.Count == 0)
            {
                IReadOnlyList<string> closest = filters.Text != null ? database.ClosestNames(filters.Text) : [];
                error = "No part in the database matches " + filters.Describe()
                    + (closest.Count > 0 ? "; closest: " + string.Join(", ", closest) + "." : ". 'serprog chips' lists all " + database.Chips.Count + " parts.");
            }

            if (json)
            {
                var result = new JsonObject { ["command"] = "chips", ["chips"] = list };
                CommandRunner.WriteJson(console, result, error == null ? ExitCodes.Ok : ExitCodes.Failed, error);
            }

            if (error != null)
            {
                console.Error.WriteLine("error: " + error);
                return ExitCodes.Failed;
            }

            if (!json)
            {
                WriteTable(console, chips);
            }

            return ExitCodes.Ok;
        }

        private static long? ParseSize(ArgumentResult result)
        {
            string text = result.Tokens[0].Value;
            if (!ByteUnits.TryParseSize(text, out long bytes))
            {
                result.AddError("--size " + text + " is not a size: give bytes, or K/M (e.g. 512K, 8M).");
            }

            return bytes;
        }

        private static void WriteTable(CliConsole console, List<ChipDefinition> chips)
        {
            string[] header = ["NAME", "VENDOR", "ID", "SIZE", "VOLTAGE", "FLASHROM"];
            List<string[]> rows = chips.Select(chip => new[]
            {
                chip.Name,
                chip.Vendor,
                chip.JedecId,
                ByteUnits.Size(chip.Size),
                Volts(chip.VoltageMin) + "-" + Volts(chip.VoltageMax) + " V",
                Status(chip),
            }).ToList();
            var widths = new int[header.Length];
            foreach (string[] row in rows.Prepend(header))
            {
                for (int i = 0; i < row.Length; i++)
                {
                    widths[i] = Math.Max(widths[i], row[i].Length);
                }
            }

            foreach (string[] row in rows.Prepend(header))
            {
                console.Out.WriteLine(string.Join("  ", row.Select((cell, i) => i == row.Length - 1 ? cell : cell.PadRight(widths[i]))));
            }

            console.Out.WriteLine(chips.Count + " part(s). A name joined by '/' stands for each of its parts: -c takes the whole name or any part of it.");
            console.Out.WriteLine("FLASHROM: the operations flashrom reports tested (P probe, R read, E erase, W write) or broken; \"read only\": serprog does not write or erase the part.");
            foreach (ChipDefinition chip in chips.Where(chip => chip.ChangeRefusal != null))
            {
                console.Out.WriteLine("  " + chip.Name + " is read only: " + chip.ChangeRefusal + ".");
            }
        }

        private static string Status(ChipDefinition chip)
        {
            string status = (chip.Tested.Length > 0 ? "tested " + chip.Tested : "untested") + (chip.Broken.Length > 0 ? ", broken " + chip.Broken : "");
            return chip.ChangeRefusal != null ? status + ", read only" : status;
        }

        private static string Volts(double volts) => volts.ToString("0.0#", CultureInfo.InvariantCulture);

        /// <summary>The filters given; a part is listed when it meets all of them.</summary>
        private sealed record Filters(string? Text, string? Vendor, long? Size, double? Voltage, string? Id)
        {
            public bool Match(ChipDefinition chip)
            {
                return (Text == null || MatchesText(chip, Text))
                    && (Vendor == null || chip.Vendor.Contains(Vendor.Trim(), StringComparison.OrdinalIgnoreCase))
                    && (Size == null || chip.Size == Size)
                    && (Voltage == null || (chip.VoltageMin <= Voltage && Voltage <= chip.VoltageMax))
                    && (Id == null || string.Equals(CompactId(chip), Compact(Id), StringComparison.OrdinalIgnoreCase));
            }

            public string Describe()
            {
                var parts = new List<string>();
                if (Text != null)
                {
                    parts.Add("\"" + Text + "\"");
                }

                if (Vendor != null)
                {
                    parts.Add("vendor " + Vendor);
                }

                if (Size is long size)
                {
                    parts.Add("size " + ByteUnits.Size(size));
                }

                if (Voltage is double volts)
                {
                    parts.Add(Volts(volts) + " V");
                }

                if (Id != null)
                {
                    parts.Add("id " + Id);
                }

                return string.Join(", ", parts);
            }

            /// <summary>Name, vendor or id contains the filter, ignoring case and the spaces of an id.</summary>
            private static bool MatchesText(ChipDefinition chip, string filter)
            {
                string wanted = filter.Trim();
                return chip.Name.Contains(wanted, StringComparison.OrdinalIgnoreCase)
                    || chip.Vendor.Contains(wanted, StringComparison.OrdinalIgnoreCase)
                    || chip.JedecId.Contains(wanted, StringComparison.OrdinalIgnoreCase)
                    || CompactId(chip).Contains(Compact(wanted), StringComparison.OrdinalIgnoreCase);
            }

            /// <summary>The id bytes as one hex string ("EF4017"), without the id command a non-RDID part shows.</summary>
            private static string CompactId(ChipDefinition chip) => string.Concat(chip.IdBytes.Select(b => b.ToString("X2", CultureInfo.InvariantCulture)));

            private static string Compact(string id) => id.Replace(" ", "", StringComparison.Ordinal);
        }
    }
}
