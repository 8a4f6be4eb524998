using System;
using System.IO;

namespace SerprogNano.Firmware.Tests.Harness
{
    /// <summary>The checkout the tests were built from: the folder holding SerprogNano.sln.</summary>
    internal static class RepositoryRoot
    {
        public static string Path { get; } = Find();

        public static string File(string relativePath) => System.IO.Path.Combine(Path, relativePath);

        private static string Find()
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            {
                if (System.IO.File.Exists(System.IO.Path.Combine(dir.FullName, "SerprogNano.sln")))
                {
                    return dir.FullName;
                }
            }

            throw new InvalidOperationException("SerprogNano.sln not found above " + AppContext.BaseDirectory);
        }
    }
}
