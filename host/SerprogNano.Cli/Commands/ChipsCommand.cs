using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using SerprogNano.Cli.Output;
using SerprogNano.Chips;

namespace SerprogNano.Cli.Commands
{
    /// <summary>`serprog chips [FILTER]`: the chip database, for choosing a -c name; needs no programmer.</summary>
    public static class ChipsCommand
    {
        public static Command Create(CliConsole console)
        {
            var filter = new Argument<string?>("FILTER")
            {
                Description = "Show only parts whose name, vendor or id contains this (e.g. W25Q64, macronix, \"EF 40 17\", EF4017)",
                Arity = ArgumentArity.ZeroOrOne,
            };
            var json = new Option<bool>("--json") { Description = "Print one JSON object on stdout for scripts" };
            var command = new Command("chips", "List the chip database: name (for -c), vendor, id, size and voltage") { filter, json };
            command.SetAction(parse => Run(console, parse.GetValue(filter), parse.GetValue(json)));
            return command;
        }

        private static int Run(CliConsole console, string? filter, bool json)
        {
            ChipDatabase database = ChipDatabase.Default;
            List<ChipDefinition> chips = database.Chips.Where(chip => filter == null || Matches(chip, filter)).ToList();
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
                });
            }

            string? error = null;
            if (chips.Count == 0)
            {
                IReadOnlyList<string> closest = database.ClosestNames(filter!);
                error = "No part in the database matches \"" + filter + "\""
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

        /// <summary>Name, vendor or id contains the filter, ignoring case and the spaces of an id.</summary>
        private static bool Matches(ChipDefinition chip, string filter)
        {
            string wanted = filter.Trim();
            string compactId = chip.JedecId.Replace(" ", "", StringComparison.Ordinal);
            return chip.Name.Contains(wanted, StringComparison.OrdinalIgnoreCase)
                || chip.Vendor.Contains(wanted, StringComparison.OrdinalIgnoreCase)
                || chip.JedecId.Contains(wanted, StringComparison.OrdinalIgnoreCase)
                || compactId.Contains(wanted.Replace(" ", "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase);
        }

        private static void WriteTable(CliConsole console, List<ChipDefinition> chips)
        {
            string[] header = ["NAME", "VENDOR", "ID", "SIZE", "VOLTAGE"];
            List<string[]> rows = chips.Select(chip => new[]
            {
                chip.Name,
                chip.Vendor,
                chip.JedecId,
                ByteUnits.Size(chip.Size),
                chip.VoltageMin.ToString("0.0#", CultureInfo.InvariantCulture) + "-" + chip.VoltageMax.ToString("0.0#", CultureInfo.InvariantCulture) + " V",
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
        }
    }
}
