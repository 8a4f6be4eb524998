using NanoFrameworkStandIn;

namespace System.IO.Hashing
{
    /// <summary>
    /// nanoFramework.System.IO.Hashing 1.0.40's CRC-32 (IEEE 802.3): the managed side keeps the state, starting at
    /// 0xFFFFFFFF and inverted on the way out; the native updates it. On the ESP32 the native passes the span's
    /// start and length to the ROM CRC as 16-bit values and answers an empty span with 0xFFFFFFFF (nf-interpreter
    /// targets/ESP32/_nanoCLR/nanoFramework.System.IO.Hashing): callers keep spans between 1 and 32,767 bytes.
    /// </summary>
    public class Crc32
    {
        public Crc32()
        {
            throw NotOnThisMachine.Error();
        }

        public static uint HashToUInt32(SpanByte source)
        {
            throw NotOnThisMachine.Error();
        }

        public void Append(SpanByte source)
        {
            throw NotOnThisMachine.Error();
        }

        public void Reset()
        {
            throw NotOnThisMachine.Error();
        }

        public uint GetCurrentHashAsUInt32()
        {
            throw NotOnThisMachine.Error();
        }
    }
}
