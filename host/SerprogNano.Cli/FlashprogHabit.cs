using System;
using System.Collections.Generic;
using System.Linq;

namespace SerprogNano.Cli
{
    /// <summary>
    /// flashprog's command line (<c>flashprog -p PROG -r FILE</c>) typed to serprog, which takes the action first:
    /// the serprog command that does the same, to suggest instead of a list of unrecognised tokens.
    /// </summary>
    public static class FlashprogHabit
    {
        /// <summary>The equivalent serprog command line, or null when the arguments are not flashprog's.</summary>
        public static string? Suggest(IReadOnlyList<string> args)
        {
            if (args.Count == 0 || !args[0].StartsWith('-') || args[0] is "--help" or "-h" or "-?" or "--version")
            {
                return null;
            }

            if (args.Contains("-L") || args.Contains("--list-supported"))
            {
                return "serprog lists the parts it knows (flashprog's -L, the names -c takes) with: serprog chips [FILTER]";
            }

            string? action = null;
            string? file = null;
            var options = new List<string>();
            for (int i = 0; i < args.Count; i++)
            {
                string arg = args[i];
                string? next = i + 1 < args.Count ? args[i + 1] : null;
                switch (arg)
                {
                    case "-r" or "--read" or "-w" or "--write" or "-v" or "--verify":
                        action = arg.TrimStart('-')[0] switch { 'r' => "read", 'w' => "write", _ => "verify" };
                        file = next ?? "FILE";
                        i++;
                        break;
                    case "-E" or "--erase":
                        action = "erase";
                        break;
                    case "--wp-status" or "--wp-list" or "--wp-enable" or "--wp-disable":
                        action = "wp";
                        options.Add(arg);
                        break;
                    case "--wp-range":
                        action = "wp";
                        options.Add(arg);
                        options.Add(Quote(next ?? "START,LEN"));
                        i++;
                        break;
                    case string joined when joined.StartsWith("--wp-range=", StringComparison.Ordinal):
                        action = "wp";
                        options.Add(Quote(arg));
                        break;
                    case "-p" or "--programmer" or "-c" or "--chip":
                        options.Add(arg);
                        options.Add(Quote(next ?? "?"));
                        i++;
                        break;
                    default:
                        options.Add(Quote(arg));
                        break;
                }
            }

            if (action == null && options.Count == 0)
            {
                return null;
            }

            string command = "serprog " + (action ?? "probe") + (file != null ? " " + Quote(file) : "") + (options.Count > 0 ? " " + string.Join(" ", options) : "");
            return action switch
            {
                null => "serprog takes the command first (probe, read, write, verify, erase, wp). To look at the programmer and chip: " + command,
                "wp" => "serprog takes the command first: flashrom's --wp-* options are those of its wp command: " + command,
                _ => "serprog takes the command first, not flashprog's " + ActionFlag(action) + ": " + command,
            };
        }

        private static string ActionFlag(string action) => action switch
        {
            "read" => "-r",
            "write" => "-w",
            "verify" => "-v",
            _ => "-E",
        };

        private static string Quote(string text) => text.Length > 0 && text.AsSpan().IndexOfAny(" \t\"'$;&|<>") < 0 ? text : "'" + text.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
    }
}
