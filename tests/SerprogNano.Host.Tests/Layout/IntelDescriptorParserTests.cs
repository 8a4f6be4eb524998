using System;
using System.Linq;
using SerprogNano.Host.Layout;
using SerprogNano.Host.Remedies;
using SerprogNano.TestSupport;

namespace SerprogNano.Host.Tests.Layout
{
    [TestClass]
    public sealed class IntelDescriptorParserTests
    {
        /// <summary>Canoeboot on a GM45 ThinkPad: descriptor, GbE, ME, BIOS in 8 MiB; platform data unused.</summary>
        internal static DescriptorImage CanoebootLike() =>
            DescriptorImage.Ich9().Region(0x000, 0x000).Region(0x300, 0x7FF).Region(0x003, 0x2FF).Region(0x001, 0x002).Region(0x7FFF, 0);

        /// <summary>An IFD v2 chip of 16 MiB: descriptor, BIOS, ME and the EC region at FLREG8, the rest unused.</summary>
        internal static DescriptorImage WithEcRegion(DescriptorImage builder)
        {
            builder.Size = 16 << 20;
            builder.Region(0, 0).Region(0x400, 0xFFF).Region(0x003, 0x3EF);
            for (int i = 3; i < 16; i++)
            {
                builder = i == 8 ? builder.Region(0x3F0, 0x3FF) : builder.Region(0x7FFF, 0);
            }

            return builder;
        }

        /// <summary>Haswell: NR 6, seven regions, the last three unused.</summary>
        internal static DescriptorImage LynxPointSevenRegions() =>
            DescriptorImage.LynxPoint(nr: 6).Region(0, 0).Region(0x200, 0x7FF).Region(0x3, 0x1FF).Region(0x1, 0x2).Region(0x7FFF, 0).Region(0x7FFF, 0).Region(0x7FFF, 0);

        [TestMethod]
        public void Ich9_descriptor_gives_flashroms_region_names_with_inclusive_byte_ranges()
        {
            IntelDescriptor descriptor = IntelDescriptorParser.Parse(CanoebootLike().ToBytes());

            Assert.AreEqual(0x10, descriptor.SignatureOffset);
            Assert.AreEqual(1, descriptor.Generation.Version);
            Assert.AreEqual(5, descriptor.Regions.Count);
            CollectionAssert.AreEqual(
                new[] { "fd [0x00000000-0x00000FFF]", "bios [0x00300000-0x007FFFFF]", "me [0x00003000-0x002FFFFF]", "gbe [0x00001000-0x00002FFF]" },
                descriptor.ToLayout().Regions.Select(region => region.ToString()).ToArray());
            Assert.IsFalse(descriptor.Regions[4].IsUsed, "base 0x7FFF above limit 0 is unused");
            Assert.AreEqual("pd", descriptor.Regions[4].Name);
        }

        [TestMethod]
        public void Nr_decides_how_many_regions_an_ifd_v1_descriptor_has()
        {
            byte[] image = DescriptorImage.Ich9(nr: 2).Region(0, 0).Region(0x300, 0x7FF).Region(0x003, 0x2FF).Region(0x001, 0x002).ToBytes();

            IntelDescriptor descriptor = IntelDescriptorParser.Parse(image);

            CollectionAssert.AreEqual(new[] { "fd", "bios", "me" }, descriptor.ToLayout().Names.ToArray(), "FLREG3 is past NR + 1 = 3 regions");
        }

        [TestMethod]
        public void Lynx_point_descriptor_may_have_seven_regions_cougar_point_not()
        {
            byte[] cougar = DescriptorImage.CougarPoint(nr: 6).Region(0, 0).ToBytes();

            IntelDescriptor descriptor = IntelDescriptorParser.Parse(LynxPointSevenRegions().ToBytes());
            var error = Assert.ThrowsExactly<LayoutException>(() => IntelDescriptorParser.Parse(cougar));

            Assert.AreEqual(IntelDescriptorGeneration.LynxToWildcatPoint, descriptor.Generation);
            Assert.AreEqual(7, descriptor.Regions.Count);
            Assert.AreEqual("bios2", descriptor.Regions[6].Name);
            StringAssert.Contains(error.Message, "a Bay Trail, 6/7 series (Cougar/Panther Point) descriptor has at most 5");
        }

        [TestMethod]
        public void Signature_at_offset_zero_is_found_as_on_parts_before_ibex_peak_b_step()
        {
            DescriptorImage builder = CanoebootLike();
            builder.SignatureOffset = 0;
            byte[] image = builder.ToBytes();

            IntelDescriptor descriptor = IntelDescriptorParser.Parse(image);

            Assert.AreEqual(0, descriptor.SignatureOffset);
            Assert.AreEqual(0x300000, descriptor.ToLayout().Find("bios").Start);
        }

        [TestMethod]
        public void Sunrise_point_descriptor_has_ten_regions_whatever_nr_says()
        {
            DescriptorImage builder = DescriptorImage.SunrisePoint().Region(0, 0).Region(0x200, 0xFFF).Region(0x003, 0x1FF).Region(0x7FFF, 0).Region(0x7FFF, 0);
            for (int i = 5; i < 10; i++)
            {
                builder.Region(0x7FFF, 0);
            }

            IntelDescriptor descriptor = IntelDescriptorParser.Parse(builder.ToBytes());

            Assert.AreEqual(2, descriptor.Generation.Version);
            Assert.AreEqual(10, descriptor.Regions.Count);
            CollectionAssert.AreEqual(new[] { "fd", "bios", "me" }, descriptor.ToLayout().Names.ToArray());
            Assert.AreEqual(0xFFFFFFL, descriptor.ToLayout().Find("bios").End);
        }

        [TestMethod]
        public void Cannon_point_descriptor_has_sixteen_regions_and_names_the_ec_region()
        {
            IntelDescriptor descriptor = IntelDescriptorParser.Parse(WithEcRegion(DescriptorImage.CannonPoint()).ToBytes());

            Assert.AreEqual(16, descriptor.Regions.Count);
            CollectionAssert.AreEqual(new[] { "fd", "bios", "me", "ec" }, descriptor.ToLayout().Names.ToArray());
            Assert.AreEqual("FLREG8 = 0x03FF03F0", descriptor.ToLayout().Find("ec").Origin);
        }

        [TestMethod]
        public void Image_without_descriptor_says_where_it_looked_and_what_to_use_instead()
        {
            byte[] image = new byte[8 << 20];
            image.AsSpan().Fill(0xFF);

            var error = Assert.ThrowsExactly<LayoutException>(() => IntelDescriptorParser.Parse(image));

            StringAssert.Contains(error.Message, "No Intel flash descriptor");
            StringAssert.Contains(error.Message, "0x0FF0A55A");
            StringAssert.Contains(error.Message, "0x0 nor 0x10");
            CollectionAssert.Contains(error.Remedies.ToList(), Remedy.UseFmapOrLayoutFile);
        }

        [TestMethod]
        public void Descriptor_signature_elsewhere_is_not_a_descriptor_as_for_flashrom()
        {
            byte[] image = new byte[0x2000];
            BitConverter.GetBytes(0x0FF0A55Au).CopyTo(image, 0x20);

            Assert.ThrowsExactly<LayoutException>(() => IntelDescriptorParser.Parse(image));
        }

        [TestMethod]
        public void Nr_beyond_what_the_generation_has_is_a_damaged_descriptor()
        {
            byte[] image = DescriptorImage.Ich9(nr: 7).Region(0, 0).ToBytes();

            var error = Assert.ThrowsExactly<LayoutException>(() => IntelDescriptorParser.Parse(image));

            StringAssert.Contains(error.Message, "damaged");
            StringAssert.Contains(error.Message, "8 regions (NR 7)");
            StringAssert.Contains(error.Message, "at most 5");
        }

        [TestMethod]
        public void Region_section_inside_the_map_is_a_damaged_descriptor()
        {
            byte[] image = CanoebootLike().ToBytes();
            image[0x16] = 0x01; // FRBA 0x10: the region section would start on the signature

            var error = Assert.ThrowsExactly<LayoutException>(() => IntelDescriptorParser.Parse(image));

            StringAssert.Contains(error.Message, "damaged");
            StringAssert.Contains(error.Message, "FRBA");
            StringAssert.Contains(error.Message, "0x10");
        }

        [TestMethod]
        public void Less_than_the_descriptors_four_kib_is_refused()
        {
            byte[] image = CanoebootLike().ToBytes()[..0x800];

            var error = Assert.ThrowsExactly<LayoutException>(() => IntelDescriptorParser.Parse(image));

            StringAssert.Contains(error.Message, "first 4096 bytes; only 2048");
        }
    }
}
