using System;
using System.CommandLine;
using System.CommandLine.Parsing;
using System.Net;
using SerprogNano.Engine.Hosting.Tcp;

namespace SerprogNano.Cli
{
    /// <summary>What `serprog emulate` and `serprog serve` share: the --listen option, and serving until Ctrl+C or SIGTERM.</summary>
    public static class TcpServing
    {
        /// <summary>Where both serve unless told otherwise: this machine only.</summary>
        public static readonly IPEndPoint DefaultEndPoint = new(IPAddress.Loopback, 7777);

        public static Option<IPEndPoint> ListenOption(string description) => new("--listen")
        {
            Description = description,
            DefaultValueFactory = _ => DefaultEndPoint,
            CustomParser = ParseEndPoint,
        };

        /// <summary>--idle-timeout: a client that sends nothing this long is disconnected, so it cannot hold the one-client server.</summary>
        public static Option<long> IdleTimeoutOption() => WholeNumberOption.Create(
            "--idle-timeout",
            "Disconnect a client that sends nothing for this many seconds, freeing the programmer for the next one",
            1,
            24 * 60 * 60,
            (long)SerprogTcpServer.DefaultIdleTimeout.TotalSeconds);

        /// <summary>Says how flashrom and serprog reach <paramref name="bound"/>, then serves until <paramref name="stop"/> is asked for.</summary>
        public static void UntilStopped(CliConsole console, IPEndPoint bound, Interruption stop)
        {
            console.Out.WriteLine($"flashrom/flashprog: -p serprog:ip={bound}    serprog: -p tcp:{bound}");
            console.Out.WriteLine("Stop with Ctrl+C.");
            stop.WaitUntilRequested();
        }

        /// <summary>ADDRESS:PORT; port 0 (the system picks one) only when written so, not as a missing port.</summary>
        private static IPEndPoint? ParseEndPoint(ArgumentResult result)
        {
            if (result.Tokens.Count == 0)
            {
                return DefaultEndPoint;
            }

            string text = result.Tokens[0].Value;
            if (IPEndPoint.TryParse(text, out IPEndPoint? endpoint) && (endpoint.Port != 0 || text.EndsWith(":0", StringComparison.Ordinal)))
            {
                return endpoint;
            }

            result.AddError($"--listen wants ADDRESS:PORT, e.g. {DefaultEndPoint}; got '{text}'.");
            return null;
        }
    }
}
