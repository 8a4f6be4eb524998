using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Unicode;

namespace SerprogNano.Cli
{
    /// <summary>
    /// The command line as the kernel passed it. .NET decodes argv as UTF-8 and puts U+FFFD where a byte is
    /// not UTF-8, so a file name such as "dump\xFF.bin" would reach the commands as another name: reading it
    /// would miss the file, saving would create a file the user did not name. Such an argument is found here,
    /// from /proc/self/cmdline, and refused.
    /// </summary>
    public static class RawArguments
    {
        /// <summary>The refusal for the first argument that is not UTF-8, or null when all are (or the raw bytes cannot be read).</summary>
        public static string? FindUndecodable(string[] args)
        {
            ArgumentNullException.ThrowIfNull(args);
            if (!OperatingSystem.IsLinux() || Array.TrueForAll(args, arg => !arg.Contains('\uFFFD', StringComparison.Ordinal)))
            {
                return null;
            }

            byte[] cmdline;
            try
            {
                cmdline = File.ReadAllBytes("/proc/self/cmdline");
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return null;
            }

            return FindUndecodable(args, Split(cmdline));
        }

        /// <summary>The same check against given raw arguments: <paramref name="raw"/> ends with the bytes of <paramref name="args"/>.</summary>
        public static string? FindUndecodable(string[] args, IReadOnlyList<byte[]> raw)
        {
            ArgumentNullException.ThrowIfNull(args);
            ArgumentNullException.ThrowIfNull(raw);
            int first = raw.Count - args.Length;
            for (int i = 0; i < args.Length && first >= 0; i++)
            {
                byte[] bytes = raw[first + i];

                // The lossy decoding must match, or the raw list is not this command line's (a host that rewrote it).
                if (!Utf8.IsValid(bytes) && Encoding.UTF8.GetString(bytes) == args[i])
                {
                    return "argument " + (i + 1) + " ('" + Escaped(bytes) + "') is not UTF-8; serprog cannot open or create a file under exactly that name, "
                        + "and never uses another one. Rename the file to a UTF-8 name (mv, or convmv -f latin1 -t utf8) and give that name.";
                }
            }

            return null;
        }

        private static List<byte[]> Split(byte[] cmdline)
        {
            var items = new List<byte[]>();
            int start = 0;
            for (int i = 0; i < cmdline.Length; i++)
            {
                if (cmdline[i] == 0)
                {
                    items.Add(cmdline[start..i]);
                    start = i + 1;
                }
            }

            return items;
        }

        /// <summary>Printable ASCII as it is, every other byte as \xNN, as a shell's $'...' writes it.</summary>
        private static string Escaped(byte[] bytes)
        {
            var text = new StringBuilder();
            foreach (byte b in bytes)
            {
                text.Append(b is >= 0x20 and < 0x7F and not (byte)'\\' ? ((char)b).ToString() : "\\x" + b.ToString("X2"));
            }

            return text.ToString();
        }
    }
}
