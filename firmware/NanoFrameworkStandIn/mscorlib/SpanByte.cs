using NanoFrameworkStandIn;

namespace System
{
    /// <summary>
    /// nanoFramework mscorlib's byte slice over an array. A struct, and nanoFramework keeps every struct value
    /// on the heap: creating one allocates, and so does every load of one (nf-interpreter Interpreter.cpp).
    /// </summary>
    public readonly ref struct SpanByte
    {
        public SpanByte(byte[] array)
        {
            throw NotOnThisMachine.Error();
        }

        public SpanByte(byte[] array, int start, int length)
        {
            throw NotOnThisMachine.Error();
        }
    }
}
