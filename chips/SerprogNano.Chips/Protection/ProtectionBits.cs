namespace SerprogNano.Chips.Protection
{
    /// <summary>
    /// The values of a part's write-protect bits (flashrom's wp_bits): the BP bits as one number (BP0 the
    /// lowest bit), TB, SEC, CMP, SRP and SRL. A bit the part lacks reads as false.
    /// </summary>
    public readonly record struct ProtectionBits(int BlockProtect, bool TopBottom, bool Sector, bool Complement, bool StatusRegisterProtect, bool StatusRegisterLock)
    {
        /// <summary>The bits as <paramref name="layout"/> places them in <paramref name="status"/> (registers 1..3, register 1 first).</summary>
        public static ProtectionBits Read(WriteProtectLayout layout, byte[] status)
        {
            int bp = 0;
            for (int i = 0; i < layout.BlockProtect.Count; i++)
            {
                if (IsSet(layout.BlockProtect[i], status))
                {
                    bp |= 1 << i;
                }
            }

            return new ProtectionBits(
                bp,
                IsSet(layout.TopBottom, status),
                IsSet(layout.Sector, status),
                IsSet(layout.Complement, status),
                IsSet(layout.StatusRegisterProtect, status),
                IsSet(layout.StatusRegisterLock, status));
        }

        /// <summary>Writes these bits into <paramref name="status"/> where <paramref name="layout"/> keeps them; other bits stay.</summary>
        public void WriteTo(WriteProtectLayout layout, byte[] status)
        {
            for (int i = 0; i < layout.BlockProtect.Count; i++)
            {
                Put(layout.BlockProtect[i], (BlockProtect & (1 << i)) != 0, status);
            }

            Put(layout.TopBottom, TopBottom, status);
            Put(layout.Sector, Sector, status);
            Put(layout.Complement, Complement, status);
            Put(layout.StatusRegisterProtect, StatusRegisterProtect, status);
            Put(layout.StatusRegisterLock, StatusRegisterLock, status);
        }

        /// <summary>flashrom's mode: SRL and SRP together.</summary>
        public WriteProtectMode Mode => (StatusRegisterLock, StatusRegisterProtect) switch
        {
            (false, false) => WriteProtectMode.Disabled,
            (false, true) => WriteProtectMode.Hardware,
            (true, false) => WriteProtectMode.PowerCycle,
            (true, true) => WriteProtectMode.Permanent,
        };

        /// <summary>"SRL=0 SRP=0 CMP=0 SEC=0 TB=0 BP=000" with only the bits the part has, BPs high to low.</summary>
        public string Describe(WriteProtectLayout layout)
        {
            var text = new System.Text.StringBuilder();
            Name(text, layout.StatusRegisterLock, "SRL", StatusRegisterLock);
            Name(text, layout.StatusRegisterProtect, "SRP", StatusRegisterProtect);
            Name(text, layout.Complement, "CMP", Complement);
            Name(text, layout.Sector, "SEC", Sector);
            Name(text, layout.TopBottom, "TB", TopBottom);
            text.Append("BP").Append(layout.BlockProtect.Count - 1).Append("..BP0=");
            for (int i = layout.BlockProtect.Count - 1; i >= 0; i--)
            {
                text.Append((BlockProtect & (1 << i)) != 0 ? '1' : '0');
            }

            return text.ToString();
        }

        private static bool IsSet(SpiNorStatusBit? bit, byte[] status) => bit is SpiNorStatusBit present && present.Register <= status.Length && (status[present.Register - 1] & present.Mask) != 0;

        private static void Put(SpiNorStatusBit? bit, bool value, byte[] status)
        {
            if (bit is SpiNorStatusBit present && present.Register <= status.Length)
            {
                status[present.Register - 1] = (byte)(value ? status[present.Register - 1] | present.Mask : status[present.Register - 1] & ~present.Mask);
            }
        }

        private static void Name(System.Text.StringBuilder text, SpiNorStatusBit? bit, string name, bool value)
        {
            if (bit is not null)
            {
                text.Append(name).Append('=').Append(value ? '1' : '0').Append(' ');
            }
        }
    }
}
