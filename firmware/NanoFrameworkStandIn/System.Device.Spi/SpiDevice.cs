using System;
using NanoFrameworkStandIn;

namespace System.Device.Spi
{
    public class SpiDevice : IDisposable
    {
        public SpiDevice(SpiConnectionSettings settings)
        {
            throw NotOnThisMachine.Error();
        }

        public static SpiDevice Create(SpiConnectionSettings settings)
        {
            throw NotOnThisMachine.Error();
        }

        public void Write(SpanByte buffer)
        {
            throw NotOnThisMachine.Error();
        }

        public void TransferFullDuplex(SpanByte writeBuffer, SpanByte readBuffer)
        {
            throw NotOnThisMachine.Error();
        }

        public void Dispose()
        {
            throw NotOnThisMachine.Error();
        }
    }
}
