using NanoFrameworkStandIn;

namespace System
{
    /// <summary>nanoFramework mscorlib's byte slice: a ref struct over an array, so creating one allocates nothing.</summary>
    public readonly ref struct SpanByte
    {
        public SpanByte(byte[] array, int start, int length)
        {
            throw NotOnThisMachine.Error();
        }
    }
}
