using System.Text.Json.Nodes;
using SerprogNano.Chips.Protection;
using SerprogNano.Host.SpiNor.Protection;

namespace SerprogNano.Cli
{
    /// <summary>Write-protect state and ranges as --json gives them, and flashrom's mode names.</summary>
    public static class WpJson
    {
        /// <summary>flashrom's words: disabled, hardware, power_cycle, permanent.</summary>
        public static string ModeName(WriteProtectMode mode) => mode switch
        {
            WriteProtectMode.Hardware => "hardware",
            WriteProtectMode.PowerCycle => "power_cycle",
            WriteProtectMode.Permanent => "permanent",
            _ => "disabled",
        };

        public static JsonObject Range(ProtectedRange range, long chipSize) => new()
        {
            ["start"] = range.Start,
            ["length"] = range.Length,
            ["description"] = range.Fraction(chipSize),
        };

        public static JsonObject State(WriteProtectState state, long chipSize)
        {
            ProtectionBits bits = state.Bits;
            return new JsonObject
            {
                ["range"] = Range(state.Range, chipSize),
                ["mode"] = ModeName(state.Mode),
                ["bits"] = new JsonObject
                {
                    ["bp"] = bits.BlockProtect,
                    ["tb"] = bits.TopBottom,
                    ["sec"] = bits.Sector,
                    ["cmp"] = bits.Complement,
                    ["srp"] = bits.StatusRegisterProtect,
                    ["srl"] = bits.StatusRegisterLock,
                },
            };
        }
    }
}
