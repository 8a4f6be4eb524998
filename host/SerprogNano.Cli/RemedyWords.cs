using System;
using System.Collections.Generic;
using System.Text;
using SerprogNano.Host.Remedies;

namespace SerprogNano.Cli
{
    /// <summary>The CLI's words for the remedies library errors carry: the flags and commands that carry them out.</summary>
    public static class RemedyWords
    {
        public static string Of(Remedy remedy)
        {
            ArgumentNullException.ThrowIfNull(remedy);
            return remedy.Kind switch
            {
                RemedyKind.LowerSpiSpeed => "Try a lower --spispeed.",
                RemedyKind.LowerBaudRate => "On a serial port, lower the baud rate (-p PORT:" + remedy.Value + ").",
                RemedyKind.ListChips => "'serprog chips' lists every part with its id and size.",
                RemedyKind.ShowStatusRegisters => "'serprog info' shows the status registers.",
                RemedyKind.ListProtectionRanges => "'serprog wp --wp-list' shows the ranges it can.",
                RemedyKind.WriteBackWithoutBackup => "'serprog write FILE --no-backup' writes a backup or a dump back whole.",
                RemedyKind.LiftProtection => "Add --unprotect to lift it (the range becomes none), or lift it first with 'serprog wp -p PROG --wp-disable --wp-range 0,0'; 'serprog wp -p PROG --wp-range START,LEN --wp-enable' puts it back afterwards.",
                RemedyKind.ClearProtection => "Add --unprotect to clear it if this is the right chip.",
                RemedyKind.UseFmapOrLayoutFile => "Use -l with a layout file or --fmap instead of --ifd.",
                RemedyKind.UseDescriptorOrLayoutFile => "Use --ifd or -l with a layout file.",
                _ => throw new ArgumentOutOfRangeException(nameof(remedy), remedy.Kind, "a remedy the CLI has no words for"),
            };
        }

        /// <summary>The failure's message, then the remedies it and the failures it wraps carry, each once.</summary>
        public static string Message(Exception failure)
        {
            ArgumentNullException.ThrowIfNull(failure);
            var remedies = new List<Remedy>();
            for (Exception? e = failure; e != null; e = e.InnerException)
            {
                if (e is IRemedied remedied)
                {
                    foreach (Remedy remedy in remedied.Remedies)
                    {
                        if (!remedies.Contains(remedy))
                        {
                            remedies.Add(remedy);
                        }
                    }
                }
            }

            var text = new StringBuilder(failure.Message);
            foreach (Remedy remedy in remedies)
            {
                text.Append(' ').Append(Of(remedy));
            }

            return text.ToString();
        }
    }
}
