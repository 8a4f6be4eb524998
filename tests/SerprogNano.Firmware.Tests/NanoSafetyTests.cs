using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using SerprogNano.Engine;
using SerprogNano.Esp32;
using SerprogNano.Firmware.Tests.Harness;
using SerprogNano.Protocol;

namespace SerprogNano.Firmware.Tests
{
    /// <summary>
    /// The assemblies the ESP32 runs, as compiled for .NET, hold nothing nanoFramework's stable mscorlib
    /// lacks. The banned-API analyzer stops such code at build time; this checks the result.
    /// </summary>
    [TestClass]
    public sealed class NanoSafetyTests
    {
        [TestMethod]
        public void The_protocol_assembly_is_nano_safe()
        {
            AssertNanoSafe(NanoSafetyInspector.Violations(typeof(SerprogOpcode).Assembly));
        }

        [TestMethod]
        public void The_engine_assembly_is_nano_safe()
        {
            AssertNanoSafe(NanoSafetyInspector.Violations(typeof(SerprogEngine).Assembly, "SerprogNano.Protocol"));
        }

        [TestMethod]
        public void The_board_layer_is_nano_safe()
        {
            // .NET's homes of Thread, AutoResetEvent and Console; nanoFramework's mscorlib has all three (nanofw/check compiles them).
            AssertNanoSafe(NanoSafetyInspector.Violations(
                typeof(BoardProfile).Assembly, "SerprogNano.Protocol", "SerprogNano.Engine", "NanoFrameworkStandIn", "System.Threading.Thread", "System.Threading", "System.Console"));
        }

        [TestMethod]
        public void The_inspector_finds_generics_async_and_foreign_references()
        {
            IReadOnlyList<string> found = NanoSafetyInspector.Violations(typeof(NanoSafetyTests).Assembly);

            Assert.IsTrue(found.Any(v => v.Contains("GenericSample`1 is generic", StringComparison.Ordinal)), "generic type");
            Assert.IsTrue(found.Any(v => v.Contains("is an async state machine", StringComparison.Ordinal)), "async method");
            Assert.IsTrue(found.Any(v => v.Contains(" references ", StringComparison.Ordinal)), "assembly reference");
        }

        private static void AssertNanoSafe(IReadOnlyList<string> violations)
        {
            Assert.IsEmpty(violations, string.Join("\n", violations));
        }

        private sealed class GenericSample<T>
        {
            public T? Value { get; set; }
        }

        private static class AsyncSample
        {
            public static async Task Run() => await Task.Yield();
        }
    }
}
