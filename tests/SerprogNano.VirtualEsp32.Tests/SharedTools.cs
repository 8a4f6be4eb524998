using System;
using System.IO;
using SerprogNano.TestSupport;

namespace SerprogNano.VirtualEsp32.Tests
{
    /// <summary>
    /// The developer tools beside the checkout: $SERPROG_SHARED, else &lt;repo&gt;/../shared. Missing, a test is
    /// reported as not run with the reason, except in CI (CI=true), which has them and must run it.
    /// </summary>
    internal static class SharedTools
    {
        public static string RepositoryRoot { get; } = FindRepositoryRoot();

        public static string Directory =>
            Environment.GetEnvironmentVariable("SERPROG_SHARED") is { Length: > 0 } shared
                ? Path.GetFullPath(shared)
                : Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared"));

        /// <summary>The virtual ESP32's runner (tools/nanoclr/run-firmware).</summary>
        public static string RequireRunFirmware()
        {
            string path = Path.Combine(Directory, "tools", "nanoclr", "run-firmware");
            if (File.Exists(path))
            {
                return path;
            }

            ExternalTool.NotRun($"the virtual ESP32 ({path}) is not on this machine: set SERPROG_SHARED to the folder holding tools/nanoclr.", "CI must run this test.");
            return path;
        }

        private static string FindRepositoryRoot()
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "SerprogNano.sln")))
                {
                    return dir.FullName;
                }
            }

            throw new InvalidOperationException("SerprogNano.sln not found above " + AppContext.BaseDirectory);
        }
    }
}
