using System;
using System.Diagnostics;
using System.IO;
using System.Threading;
using SerprogNano.TestSupport;

namespace SerprogNano.Interop.Tests
{
    /// <summary>socat joining a pseudo-terminal to a TCP port, so serial-port clients reach the emulator.</summary>
    internal sealed class PtyBridge : IDisposable
    {
        private readonly Process _socat;

        public PtyBridge(string tcpEndpoint, string linkPath)
        {
            string socat = ExternalTool.Require("socat", "apt-get install socat");
            PtyPath = linkPath;
            File.Delete(linkPath);
            _socat = Process.Start(new ProcessStartInfo(socat, $"pty,raw,echo=0,link={linkPath} tcp:{tcpEndpoint}") { UseShellExecute = false })
                ?? throw new InvalidOperationException("could not start socat");
            for (int i = 0; i < 100 && !File.Exists(linkPath); i++)
            {
                Thread.Sleep(50);
            }

            Assert.IsTrue(File.Exists(linkPath), "socat did not create " + linkPath);
        }

        public string PtyPath { get; }

        public void Dispose()
        {
            if (!_socat.HasExited)
            {
                _socat.Kill();
            }

            _socat.WaitForExit();
            _socat.Dispose();
        }
    }
}
