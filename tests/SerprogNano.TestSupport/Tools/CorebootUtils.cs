using System;
using System.IO;

namespace SerprogNano.TestSupport
{
    /// <summary>
    /// Debian's coreboot-utils (ifdtool, fmaptool, cbfstool): the independent references for descriptors and FMAPs.
    /// Missing, the tests report not run, or fail when CI=true (scripts/install-test-deps.sh installs the package).
    /// </summary>
    public sealed class CorebootUtils : IDisposable
    {
        private const string InstallHint = "apt-get install coreboot-utils";

        private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(1);

        public CorebootUtils()
        {
            Directory = System.IO.Directory.CreateTempSubdirectory("serprog-layout-").FullName;
        }

        /// <summary>A scratch directory for images and outputs, deleted on dispose.</summary>
        public string Directory { get; }

        public string PathOf(string name) => Path.Combine(Directory, name);

        /// <summary>Runs the tool and expects exit code 0; returns what it printed.</summary>
        public string Run(string tool, string arguments)
        {
            string path = ExternalTool.Require(tool, InstallHint);
            ToolResult result = ExternalTool.Run(path, arguments, Timeout);
            Assert.AreEqual(0, result.ExitCode, $"{tool} {arguments}:\n{result.Output}");
            return result.Output;
        }

        public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
    }
}
