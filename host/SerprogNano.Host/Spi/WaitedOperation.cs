using System;

namespace SerprogNano.Host.Spi
{
    /// <summary>A write-only SPI operation the device follows with status polling: a page program, an erase, a status write.</summary>
    /// <param name="WriteEnable">Opcode sent in its own chip-select cycle first (WREN), or 0 for none.</param>
    /// <param name="Operation">The operation's bytes (opcode, address, data).</param>
    /// <param name="StatusOpcode">The status register read to poll (RDSR).</param>
    /// <param name="Mask">Polling ends once (status &amp; mask) == 0 (WIP).</param>
    /// <param name="Timeout">Longest the device waits for that.</param>
    /// <param name="Label">What it is, for messages.</param>
    public sealed record WaitedOperation(byte WriteEnable, ReadOnlyMemory<byte> Operation, byte StatusOpcode, byte Mask, TimeSpan Timeout, string Label);
}
