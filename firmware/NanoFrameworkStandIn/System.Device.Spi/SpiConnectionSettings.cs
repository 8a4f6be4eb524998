using NanoFrameworkStandIn;

namespace System.Device.Spi
{
    public sealed class SpiConnectionSettings
    {
        public SpiConnectionSettings(int busId, int chipSelectLine)
        {
            throw NotOnThisMachine.Error();
        }

        public int ChipSelectLine
        {
            get { throw NotOnThisMachine.Error(); }
            set { throw NotOnThisMachine.Error(); }
        }

        public SpiMode Mode
        {
            get { throw NotOnThisMachine.Error(); }
            set { throw NotOnThisMachine.Error(); }
        }

        public int DataBitLength
        {
            get { throw NotOnThisMachine.Error(); }
            set { throw NotOnThisMachine.Error(); }
        }

        public int ClockFrequency
        {
            get { throw NotOnThisMachine.Error(); }
            set { throw NotOnThisMachine.Error(); }
        }

        public DataFlow DataFlow
        {
            get { throw NotOnThisMachine.Error(); }
            set { throw NotOnThisMachine.Error(); }
        }
    }
}
