namespace SerprogNano.Firmware.Tests.Harness
{
    /// <summary>
    /// Pins a programmer must not take on each ESP32 series (Espressif's datasheets, as summed up in
    /// shared/docs/nanoframework.md): the module's own flash, strapping pins, input-only pins (for
    /// outputs), the native USB pins and UART0, which the nanoFramework debugger uses.
    /// </summary>
    internal sealed record Esp32PinRules(
        string Series, int HighestGpio, int[] Flash, int[] Strapping, int[] InputOnly, int[] NativeUsb, int[] DebuggerUart, uint MaxClockHz)
    {
        public static readonly Esp32PinRules Esp32 = new(
            "ESP32", 39, Range(6, 11), new[] { 0, 2, 5, 12, 15 }, Range(34, 39), new int[0], new[] { 1, 3 }, 40_000_000);

        // 33-37 belong to octal flash/PSRAM modules: kept free so one build fits every DevKitC-1.
        public static readonly Esp32PinRules Esp32S3 = new(
            "ESP32-S3", 48, Range(26, 37), new[] { 0, 3, 45, 46 }, new int[0], new[] { 19, 20 }, new[] { 43, 44 }, 40_000_000);

        // No IO_MUX pins without a strapping pin, so SPI runs through the GPIO matrix: 26.7 MHz full duplex.
        public static readonly Esp32PinRules Esp32C3 = new(
            "ESP32-C3", 21, Range(12, 17), new[] { 2, 8, 9 }, new int[0], new[] { 18, 19 }, new[] { 20, 21 }, 26_666_666);

        private static int[] Range(int first, int last)
        {
            var pins = new int[last - first + 1];
            for (int i = 0; i < pins.Length; i++)
            {
                pins[i] = first + i;
            }

            return pins;
        }
    }
}
