using System;

namespace NanoFrameworkStandIn
{
    /// <summary>What every stand-in member throws: the real code runs only on a nanoFramework device.</summary>
    internal static class NotOnThisMachine
    {
        public static NotSupportedException Error()
        {
            return new NotSupportedException("nanoFramework stand-in: compile-only, the real API runs on the device.");
        }
    }
}
