using System;
using System.Threading;
using SerprogNano.Host.Serprog.Transports;
using SerprogNano.Protocol;

namespace SerprogNano.Host.Serprog
{
    /// <summary>
    /// The host's side of O_NANO_SET_BAUD (protocol/EXTENSIONS.md), run during the start-up before the pins are driven:
    /// ask, move the local port, confirm twice at the new rate. When the new rate does not carry the confirmations
    /// (an adapter that cannot run at it), the port goes back to the old rate, waits until the device is back there
    /// too, and the session goes on at the old rate with a warning: a rate changes the speed, never the result.
    /// </summary>
    internal static class BaudRateChange
    {
        /// <summary>
        /// Synchronises at the rate the link opened at or, when the device does not answer there, at
        /// <paramref name="baudRate"/>: an earlier session may have left it there, since a confirmed rate holds until the
        /// device resets. Throws what the synchronisation at the opening rate threw when neither answers.
        /// </summary>
        public static void Synchronize(SerprogClient client, int baudRate)
        {
            try
            {
                client.Synchronize();
            }
            catch (SerprogTimeoutException) when (client.Transport is IBaudRateTransport line && line.BaudRate != baudRate)
            {
                int opened = line.BaudRate;
                line.BaudRate = baudRate;
                try
                {
                    client.Synchronize();
                }
                catch (SerprogTimeoutException)
                {
                    line.BaudRate = opened;
                    throw;
                }
            }
        }

        /// <summary>Moves the link to <paramref name="baudRate"/> if both ends can; returns a warning when it stays where it was.</summary>
        public static string? Apply(SerprogClient client, SerprogPipeline pipeline, int baudRate)
        {
            if (client.Transport is not IBaudRateTransport line)
            {
                return "The link to " + client.Transport.Description + " has no baud rate: " + baudRate + " baud was not set.";
            }

            int old = line.BaudRate;
            if (baudRate == old)
            {
                return null;
            }

            string goingOn = "going on at " + old + " baud";
            if (!client.HasBaudRateChange)
            {
                return "The programmer cannot change its line rate (it does not offer O_NANO_SET_BAUD): " + goingOn + ".";
            }

            var frame = new byte[1 + SerprogNanoExtensions.BaudParameterLength];
            frame[0] = SerprogNanoOpcode.SetBaudRate;
            SerprogNanoFrames.WriteBaudParameters(frame, 1, (uint)baudRate);
            byte? answer = Exchange(client, pipeline, frame);
            if (answer == SerprogReply.Nak)
            {
                return "The programmer cannot run its UART at " + baudRate + " baud (from " + SerprogNanoExtensions.MinBaudRate
                    + " up to its board's maximum; an ESP32's is 5000000): " + goingOn + ".";
            }

            if (answer != SerprogReply.Ack)
            {
                return FallBack(client, line, old, "The programmer did not answer O_NANO_SET_BAUD " + baudRate + ": " + goingOn + ".");
            }

            try
            {
                line.BaudRate = baudRate;
            }
            catch (ArgumentOutOfRangeException e)
            {
                return FallBack(client, line, old, e.Message + "; " + goingOn + "; try a lower --baud.");
            }

            // The device sends its ACK at the old rate and switches after it has left; a byte sent sooner is lost.
            Thread.Sleep(SerprogNanoExtensions.BaudSwitchWaitMilliseconds(old));
            string failed = "The adapter did not work at " + baudRate + " baud; " + goingOn + "; try a lower --baud.";
            if (Exchange(client, pipeline, frame) != SerprogReply.Ack)
            {
                return FallBack(client, line, old, failed);
            }

            if (Exchange(client, pipeline, frame) == SerprogReply.Ack)
            {
                return null;
            }

            // Both directions carried a frame at the new rate a moment ago, so the device most likely holds it.
            try
            {
                client.Synchronize();
                return null;
            }
            catch (SerprogException)
            {
                return FallBack(client, line, old, failed);
            }
        }

        /// <summary>Sends the frame and returns the first byte back, or null when none comes within the confirmation time-out.</summary>
        private static byte? Exchange(SerprogClient client, SerprogPipeline pipeline, byte[] frame)
        {
            TimeSpan replyTimeout = client.Transport.ReadTimeout;
            client.Transport.ReadTimeout = TimeSpan.FromMilliseconds(SerprogNanoExtensions.BaudConfirmTimeoutMilliseconds);
            try
            {
                pipeline.SendRaw(frame);
                return pipeline.ReceiveRaw();
            }
            catch (TransportTimeoutException)
            {
                return null;
            }
            finally
            {
                client.Transport.ReadTimeout = replyTimeout;
            }
        }

        /// <summary>Back to the old rate once the device is surely there too, and in step again.</summary>
        private static string FallBack(SerprogClient client, IBaudRateTransport line, int old, string warning)
        {
            line.BaudRate = old;
            Thread.Sleep(SerprogNanoExtensions.BaudRevertMilliseconds);
            client.Synchronize();
            return warning;
        }
    }
}
