using System;
using System.Collections.Generic;
using System.IO;
using SerprogNano.Host.Files;

namespace SerprogNano.Host.Serprog.Transports
{
    /// <summary>
    /// Why a path is not a serial port, and which ports there are: the serial layer of .NET says
    /// "Access to the port is denied" for a missing path, a file, a directory and /dev/null alike.
    /// </summary>
    public static class SerialPorts
    {
        /// <summary>Where Linux puts device nodes; tests pass their own directory.</summary>
        public const string DeviceDirectory = "/dev";

        /// <summary>The serial ports a programmer shows up as: stable /dev/serial/by-id names first, then ttyUSB* and ttyACM*.</summary>
        public static IReadOnlyList<string> List(string deviceDirectory = DeviceDirectory)
        {
            var ports = new List<string>();
            string byId = Path.Combine(deviceDirectory, "serial", "by-id");
            if (Directory.Exists(byId))
            {
                string[] links = Directory.GetFileSystemEntries(byId);
                Array.Sort(links, StringComparer.Ordinal);
                foreach (string link in links)
                {
                    string? target = new FileInfo(link).LinkTarget;
                    ports.Add(target == null ? link : link + " (-> " + Path.GetFullPath(target, byId) + ")");
                }
            }

            foreach (string pattern in new[] { "ttyUSB*", "ttyACM*" })
            {
                if (!Directory.Exists(deviceDirectory))
                {
                    break;
                }

                string[] nodes = Directory.GetFiles(deviceDirectory, pattern);
                Array.Sort(nodes, (a, b) => a.Length != b.Length ? a.Length.CompareTo(b.Length) : string.CompareOrdinal(a, b));
                ports.AddRange(nodes);
            }

            return ports;
        }

        /// <summary>The ports that exist, or where they were looked for, as the end of a message.</summary>
        public static string Describe(string deviceDirectory = DeviceDirectory)
        {
            IReadOnlyList<string> ports = List(deviceDirectory);
            if (ports.Count == 0)
            {
                return "No serial ports found (looked for " + Path.Combine(deviceDirectory, "serial", "by-id", "*") + ", " + Path.Combine(deviceDirectory, "ttyUSB*") + ", "
                    + Path.Combine(deviceDirectory, "ttyACM*") + "): is the programmer plugged in (with a data cable)? `dmesg | tail` shows whether the kernel saw it.";
            }

            string first = ports[0];
            int arrow = first.IndexOf(" (-> ", StringComparison.Ordinal);
            return "Serial ports here: " + string.Join(", ", ports) + ". Name one with -p, e.g. -p " + (arrow < 0 ? first : first[..arrow]) + ".";
        }

        /// <summary>What is wrong with <paramref name="path"/> as a serial port before opening it, or null when it is a character device.</summary>
        public static string? WhyNotAPort(string path, string deviceDirectory = DeviceDirectory)
        {
            if (OperatingSystem.IsWindows())
            {
                return null;
            }

            FileKind kind = FileKinds.Of(path, followLinks: true);
            return kind switch
            {
                FileKind.CharacterDevice or FileKind.Unknown => null,
                FileKind.Missing => "There is no " + path + ". " + Describe(deviceDirectory),
                _ => path + " is " + FileKinds.Describe(kind) + ", not a serial port. " + Describe(deviceDirectory),
            };
        }

        /// <summary>Why a character device would not open as a serial port: permissions, or no terminal at all (/dev/null).</summary>
        public static string WhyItWouldNotOpen(string path, Exception error, string deviceDirectory = DeviceDirectory)
        {
            if (error is not UnauthorizedAccessException)
            {
                return error.Message.TrimEnd('.') + ". If another program (a serial monitor, flashrom, ModemManager) has the port open, close it and try again.";
            }

            bool everyoneMay = !OperatingSystem.IsWindows() && (File.GetUnixFileMode(path) & (UnixFileMode.OtherRead | UnixFileMode.OtherWrite)) == (UnixFileMode.OtherRead | UnixFileMode.OtherWrite);
            if (Environment.IsPrivilegedProcess || everyoneMay)
            {
                // Permissions cannot be the reason: the device refused terminal settings, so it is no serial port.
                return path + " is a character device but not a serial port (it takes no terminal settings). " + Describe(deviceDirectory);
            }

            return "Permission denied on " + path + ": add your user to the group that owns it (usually dialout: sudo usermod -aG dialout $USER, then log in again) or run as root.";
        }
    }
}
