using System;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using SerprogNano.Chips;
using SerprogNano.Emulator;
using SerprogNano.Emulator.Chip;
using SerprogNano.Engine.Hosting.Links;
using SerprogNano.Engine.Hosting.Tcp;
using SerprogNano.Protocol;

namespace SerprogNano.Engine.Hosting.Tests.Tcp
{
    /// <summary>The engine behind a TCP port, as flashrom's `-p serprog:ip=` reaches it.</summary>
    [TestClass]
    public sealed class SerprogTcpServerTests
    {
        [TestMethod]
        public void Reply_to_a_query_leaves_in_one_piece()
        {
            using var server = Serve(new EmulatedSpiNor(SpiNorModels.Default));
            using Socket client = Connect(server);
            client.Send(new[] { SerprogOpcode.QueryCommandMap });
            var reply = new byte[64];
            client.ReceiveTimeout = 5000;
            Assert.AreEqual(1 + SerprogLimits.CommandMapLength, client.Receive(reply), "ACK and the map in one segment");
        }

        [TestMethod]
        public void Chip_keeps_its_contents_across_connections()
        {
            var chip = new EmulatedSpiNor(SpiNorModels.SST25VF040B);
            using var server = Serve(chip);
            using (Socket first = Connect(server))
            {
                Exchange(first, new byte[] { SerprogOpcode.SetPinState, 1 }, 1);
                Exchange(first, SpiOperation(new byte[] { SpiNorOpcodes.EnableWriteStatus }, 0), 1); // EWSR
                Exchange(first, SpiOperation(new byte[] { SpiNorOpcodes.WriteStatus, 0x00 }, 0), 1); // clear the power-up protection
                Exchange(first, SpiOperation(new byte[] { SpiNorOpcodes.WriteEnable }, 0), 1);
                Exchange(first, SpiOperation(new byte[] { SpiNorOpcodes.PageProgram, 0x00, 0x00, 0x10, 0x5A }, 0), 1);
            }

            using Socket second = Connect(server);
            Exchange(second, new byte[] { SerprogOpcode.SetPinState, 1 }, 1);
            byte[] read = Exchange(second, SpiOperation(new byte[] { SpiNorOpcodes.Read, 0x00, 0x00, 0x10 }, 1), 2);
            Assert.AreEqual(0x5A, read[1]);
            Assert.AreEqual(2, server.Connections);
        }

        [TestMethod]
        public void Modeled_link_takes_at_least_the_uart_time()
        {
            // 100,000 baud is 10,000 bytes per second: 2,000 bytes back cannot arrive in under 0.2 s.
            using var server = Serve(new EmulatedSpiNor(SpiNorModels.Default), new LinkModel(100_000, 0));
            using Socket client = Connect(server);
            Exchange(client, new byte[] { SerprogOpcode.SetPinState, 1 }, 1);
            var watch = Stopwatch.StartNew();
            byte[] reply = Exchange(client, SpiOperation(new byte[] { SpiNorOpcodes.Read, 0, 0, 0 }, 2000), 2001);
            watch.Stop();
            Assert.AreEqual(SerprogReply.Ack, reply[0]);
            Assert.IsTrue(watch.Elapsed >= TimeSpan.FromMilliseconds(190), $"{watch.ElapsedMilliseconds} ms");
        }

        private static SerprogTcpServer Serve(EmulatedSpiNor chip, LinkModel? model = null) =>
            new(new SerprogEmulator(chip).Serve, new IPEndPoint(IPAddress.Loopback, 0), model: model);

        private static Socket Connect(SerprogTcpServer server)
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true, ReceiveTimeout = 10_000 };
            socket.Connect(server.LocalEndPoint);
            return socket;
        }

        private static byte[] SpiOperation(byte[] write, int readLength)
        {
            var frame = new byte[7 + write.Length];
            frame[0] = SerprogOpcode.SpiOperation;
            LittleEndian.WriteUInt24(frame, 1, write.Length);
            LittleEndian.WriteUInt24(frame, 4, readLength);
            write.CopyTo(frame, 7);
            return frame;
        }

        private static byte[] Exchange(Socket socket, byte[] frame, int replyLength)
        {
            socket.Send(frame);
            var reply = new byte[replyLength];
            int got = 0;
            while (got < replyLength)
            {
                int read = socket.Receive(reply, got, replyLength - got, SocketFlags.None);
                Assert.AreNotEqual(0, read, "the server closed the connection");
                got += read;
            }

            Assert.AreEqual(SerprogReply.Ack, reply[0], "status of 0x" + frame[0].ToString("X2"));
            return reply;
        }
    }
}
