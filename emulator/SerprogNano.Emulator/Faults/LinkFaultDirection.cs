using System;

namespace SerprogNano.Emulator.Faults
{
    /// <summary>Which way corrupted bytes travel on a faulty link.</summary>
    [Flags]
    public enum LinkFaultDirection
    {
        /// <summary>Replies from the device to the host.</summary>
        ToHost = 1,

        /// <summary>Commands from the host to the device.</summary>
        ToDevice = 2,

        Both = ToHost | ToDevice,
    }
}
