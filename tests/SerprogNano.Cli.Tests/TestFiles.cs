using System;
using System.Diagnostics;
using System.IO;

namespace SerprogNano.Cli.Tests
{
    /// <summary>A fresh directory per test for dumps, images and backups; the write command's default backup lands in the current directory.</summary>
    public sealed class TestFiles : IDisposable
    {
        public TestFiles()
        {
            Directory = Path.Combine(Path.GetTempPath(), "serprog-cli-tests-" + Guid.NewGuid().ToString("N")[..8]);
            System.IO.Directory.CreateDirectory(Directory);
        }

        public string Directory { get; }

        public string PathOf(string name) => Path.Combine(Directory, name);

        public string RandomImage(string name, int size, int seed)
        {
            var bytes = new byte[size];
            new Random(seed).NextBytes(bytes);
            string path = PathOf(name);
            File.WriteAllBytes(path, bytes);
            return path;
        }

        /// <summary>A named pipe: opening it blocks until the other end is opened too.</summary>
        public string Fifo(string name)
        {
            string path = PathOf(name);
            using Process mkfifo = Process.Start("mkfifo", [path])!;
            mkfifo.WaitForExit();
            Assert.AreEqual(0, mkfifo.ExitCode, "mkfifo " + path);
            return path;
        }

        public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
    }
}
