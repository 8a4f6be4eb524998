namespace SerprogNano.Programmers.Serprog
{
    /// <summary>flashprog's <c>serprog:</c> parameters: exactly one of dev= (serial) and ip= (TCP), then spispeed= and cs=.</summary>
    internal static class FlashprogSerprogForm
    {
        public static ProgrammerSpec Parse(string text, string parameterText)
        {
            var parameters = ProgrammerParameters.Parse("serprog", parameterText, new[] { "dev", "ip", "spispeed", "cs" });
            string? device = parameters.Get("dev");
            string? ip = parameters.Get("ip");
            uint? speed = parameters.GetSpiSpeed();
            byte? chipSelect = parameters.GetChipSelect();
            if (device != null && ip != null)
            {
                throw new ProgrammerStringException("serprog takes either dev= (serial) or ip= (TCP), not both.");
            }

            if (device != null)
            {
                return SerialProgrammerSpec.Parse(text, device, speed, chipSelect);
            }

            if (ip != null)
            {
                return TcpProgrammerSpec.Parse(text, ip, speed, chipSelect);
            }

            throw new ProgrammerStringException("serprog needs dev=PATH[:BAUD] or ip=HOST:PORT, e.g. serprog:dev=/dev/ttyACM0,spispeed=16M.");
        }
    }
}
