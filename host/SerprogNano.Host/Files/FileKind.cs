using System;
using System.IO;
using System.Runtime.InteropServices;

namespace SerprogNano.Host.Files
{
    /// <summary>What a path names, as the kernel sees it: .NET tells files from directories but not a device, a pipe or a socket from a file.</summary>
    public enum FileKind
    {
        Missing,
        Regular,
        Directory,
        SymbolicLink,
        CharacterDevice,
        BlockDevice,
        Fifo,
        Socket,

        /// <summary>The kernel would not say (no permission to look, or no statx on this system).</summary>
        Unknown,
    }

    public static class FileKinds
    {
        private const int AtCurrentDirectory = -100;
        private const int AtSymlinkNoFollow = 0x100;
        private const uint StatxType = 0x1;
        private const int ModeOffset = 28; // stx_mode in struct statx, the same on every architecture
        private const int NoSuchEntry = 2;
        private const int NotADirectory = 20;

        /// <summary>The kind of <paramref name="path"/>; of the link itself unless <paramref name="followLinks"/>.</summary>
        public static FileKind Of(string path, bool followLinks)
        {
            ArgumentNullException.ThrowIfNull(path);
            if (OperatingSystem.IsLinux())
            {
                try
                {
                    return OfLinux(path, followLinks);
                }
                catch (EntryPointNotFoundException)
                {
                    // A libc without statx: fall back on what .NET can tell.
                }
            }

            return OfPortable(path, followLinks);
        }

        /// <summary>"a character device", "a directory", ... for messages.</summary>
        public static string Describe(FileKind kind) => kind switch
        {
            FileKind.Missing => "missing",
            FileKind.Regular => "a regular file",
            FileKind.Directory => "a directory",
            FileKind.SymbolicLink => "a symbolic link",
            FileKind.CharacterDevice => "a character device",
            FileKind.BlockDevice => "a block device (a disk)",
            FileKind.Fifo => "a pipe (FIFO)",
            FileKind.Socket => "a socket",
            _ => "of a kind the system would not say",
        };

        private static FileKind OfLinux(string path, bool followLinks)
        {
            var buffer = new byte[256];
            if (Statx(AtCurrentDirectory, path, followLinks ? 0 : AtSymlinkNoFollow, StatxType, buffer) != 0)
            {
                int error = Marshal.GetLastPInvokeError();
                return error is NoSuchEntry or NotADirectory ? FileKind.Missing : FileKind.Unknown;
            }

            int mode = BitConverter.ToUInt16(buffer, ModeOffset) & 0xF000;
            return mode switch
            {
                0x8000 => FileKind.Regular,
                0x4000 => FileKind.Directory,
                0xA000 => FileKind.SymbolicLink,
                0x2000 => FileKind.CharacterDevice,
                0x6000 => FileKind.BlockDevice,
                0x1000 => FileKind.Fifo,
                0xC000 => FileKind.Socket,
                _ => FileKind.Unknown,
            };
        }

        private static FileKind OfPortable(string path, bool followLinks)
        {
            var info = new FileInfo(path);
            if (!followLinks && info.Exists && info.LinkTarget != null)
            {
                return FileKind.SymbolicLink;
            }

            if (Directory.Exists(path))
            {
                return FileKind.Directory;
            }

            return File.Exists(path) ? FileKind.Regular : FileKind.Missing;
        }

        [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
        private static extern int Statx(int directory, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, [Out] byte[] buffer);
    }
}
