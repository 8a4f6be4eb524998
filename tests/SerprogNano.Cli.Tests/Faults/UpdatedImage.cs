using System;
using System.IO;

namespace SerprogNano.Cli.Tests.Faults
{
    /// <summary>An image that updates one region of the old contents, so a write erases a few blocks, not the whole chip.</summary>
    internal static class UpdatedImage
    {
        public static string Write(TestFiles files, string name, byte[] old, int start, int length, int seed)
        {
            byte[] image = (byte[])old.Clone();
            new Random(seed).NextBytes(image.AsSpan(start, length));
            string path = files.PathOf(name);
            File.WriteAllBytes(path, image);
            return path;
        }
    }
}
