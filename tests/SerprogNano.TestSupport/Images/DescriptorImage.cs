using System;
using System.Buffers.Binary;
using System.Collections.Generic;

namespace SerprogNano.TestSupport
{
    /// <summary>
    /// A chip image with an Intel flash descriptor written byte by byte from the documented format, on its own
    /// literal numbers (not the library's): signature, FLMAP0-2, FLCOMP, FLREG entries, FLUMAP1.
    /// ifdtool -d reads these images back in the host tests' IfdtoolAgreementTests.
    /// </summary>
    public sealed class DescriptorImage
    {
        /// <summary>Section bases in bytes: components 0x30, regions 0x40, masters 0x80, PCH straps 0x100, MCH straps 0x200.</summary>
        private const int Fcba = 0x30;
        private const int Frba = 0x40;
        private const int Fmba = 0x80;
        private const int Fisba = 0x100;

        private readonly List<(int Base, int Limit)> regions = [];

        private DescriptorImage(string kind)
        {
            Kind = kind;
        }

        public string Kind { get; }

        public int Size { get; set; } = 8 << 20;

        public int SignatureOffset { get; set; } = 0x10;

        /// <summary>FLMAP0.NR (IFD v1 only).</summary>
        public int Nr { get; private init; }

        /// <summary>FLMAP1.ISL, FLMAP2 (MSL, ICCRIBA, FMSBA), FLUMAP1.MDTBA and the read frequency: what tells the generations apart.</summary>
        private int Isl { get; init; }

        private uint Flmap2 { get; init; }

        private int Mdtba { get; init; }

        private int ReadFrequency { get; init; }

        /// <summary>ICH9 (GM45 ThinkPads, Canoeboot's X200/T400): IFD v1, NR counts the regions.</summary>
        public static DescriptorImage Ich9(int nr = 4) => new("ICH9") { Nr = nr, Isl = 2, Flmap2 = (1 << 8) | 0x20 };

        /// <summary>6 series (Cougar Point, Sandy Bridge): IFD v1 with an ICC register init section, NR up to 4.</summary>
        public static DescriptorImage CougarPoint(int nr) => new("Cougar Point") { Nr = nr, Isl = 18, Flmap2 = (0x21u << 16) | (1 << 8) | 0x20 };

        /// <summary>8 series (Lynx Point, Haswell): IFD v1, NR up to 6.</summary>
        public static DescriptorImage LynxPoint(int nr) => new("Lynx Point") { Nr = nr, Isl = 21, Flmap2 = (0x21u << 16) | (1 << 8) | 0x20 };

        /// <summary>100 series (Sunrise Point, Skylake/Kaby Lake): IFD v2, 10 regions, 17 MHz read frequency.</summary>
        public static DescriptorImage SunrisePoint() => new("Sunrise Point") { Isl = 0x4C, Flmap2 = (0x31u << 16) | (1 << 8) | 0x30, ReadFrequency = 6 };

        /// <summary>300 series (Cannon Point) and later: IFD v2 with a MIP table base in FLUMAP1, 16 regions.</summary>
        public static DescriptorImage CannonPoint() => new("Cannon Point") { Isl = 0x58, Flmap2 = (0x34u << 16) | (1 << 8) | 0x30, Mdtba = 0x0E, ReadFrequency = 6 };

        /// <summary>Adds the next FLREG entry; base and limit in 4 KiB blocks (base 0x7FFF, limit 0 is unused).</summary>
        public DescriptorImage Region(int baseBlock, int limitBlock)
        {
            regions.Add((baseBlock, limitBlock));
            return this;
        }

        public uint Flreg(int index) => ((uint)regions[index].Limit << 16) | (uint)regions[index].Base;

        public byte[] ToBytes()
        {
            byte[] image = new byte[Size];
            image.AsSpan().Fill(0xFF);
            int s = SignatureOffset;
            Write(image, s, 0x0FF0A55A);
            Write(image, s + 4, ((uint)Nr << 24) | ((Frba >> 4) << 16) | (Fcba >> 4));
            Write(image, s + 8, ((uint)Isl << 24) | ((Fisba >> 4) << 16) | (2 << 8) | (Fmba >> 4));
            Write(image, s + 12, Flmap2);
            Write(image, Fcba, ((uint)ReadFrequency << 17) | 0x4);
            Write(image, Fcba + 4, 0);
            Write(image, Fcba + 8, 0);
            for (int i = 0; i < regions.Count; i++)
            {
                Write(image, Frba + (i * 4), Flreg(i));
            }

            for (int i = 0; i < 3; i++)
            {
                Write(image, Fmba + (i * 4), 0);
            }

            Write(image, 0xEFC, (uint)Mdtba << 24);
            return image;
        }

        private static void Write(byte[] image, int offset, uint value) => BinaryPrimitives.WriteUInt32LittleEndian(image.AsSpan(offset), value);
    }
}
