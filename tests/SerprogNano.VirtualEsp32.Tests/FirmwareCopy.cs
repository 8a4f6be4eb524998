using System;
using System.IO;

namespace SerprogNano.VirtualEsp32.Tests
{
    /// <summary>
    /// A scratch copy of the checkout's device code (protocol/, the engine and firmware/: what run-firmware compiles), for a
    /// test-only change such as an injected fault: nothing test-only goes into the firmware that ships.
    /// </summary>
    internal sealed class FirmwareCopy : IDisposable
    {
        public FirmwareCopy()
        {
            Root = Path.Combine(Path.GetTempPath(), "serprog-firmware-" + Guid.NewGuid().ToString("N")[..8]);
            foreach (string folder in new[] { "protocol", "engine", "firmware" })
            {
                Copy(Path.Combine(SharedTools.RepositoryRoot, folder), Path.Combine(Root, folder));
            }
        }

        public string Root { get; }

        /// <summary>Adds a source file to a device project folder (its .nfproj compiles *.cs).</summary>
        public void AddSource(string relativePath, string text) => File.WriteAllText(Path.Combine(Root, relativePath), text);

        /// <summary>Inserts <paramref name="inserted"/> after the one occurrence of <paramref name="anchor"/>; fails if it is not there once.</summary>
        public void InsertAfter(string relativePath, string anchor, string inserted)
        {
            string path = Path.Combine(Root, relativePath);
            string text = File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal);
            int at = text.IndexOf(anchor, StringComparison.Ordinal);
            Assert.IsTrue(at >= 0 && text.IndexOf(anchor, at + 1, StringComparison.Ordinal) < 0,
                $"{relativePath} no longer has exactly one \"{anchor}\": update the fault injection");
            File.WriteAllText(path, text.Insert(at + anchor.Length, inserted));
        }

        public void Dispose() => Directory.Delete(Root, recursive: true);

        private static void Copy(string from, string to)
        {
            Directory.CreateDirectory(to);
            foreach (string file in Directory.GetFiles(from))
            {
                File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
            }

            foreach (string directory in Directory.GetDirectories(from))
            {
                string name = Path.GetFileName(directory);
                if (name is not ("bin" or "obj"))
                {
                    Copy(directory, Path.Combine(to, name));
                }
            }
        }
    }
}
