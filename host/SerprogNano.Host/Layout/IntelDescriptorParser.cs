using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Linq;
using SerprogNano.Host.Remedies;

namespace SerprogNano.Host.Layout
{
    /// <summary>
    /// Reads the Intel flash descriptor the way flashrom's --ifd does (layout_from_ich_descriptors):
    /// signature at 0x0 or 0x10, the map, the chipset generation, then the region section.
    /// </summary>
    public static class IntelDescriptorParser
    {
        private const int MapLength = 16;

        /// <summary>The signature's offset, or null when neither place holds it.</summary>
        public static int? FindSignature(ReadOnlySpan<byte> image)
        {
            foreach (int offset in IntelDescriptorFormat.SignatureOffsets)
            {
                if (image.Length >= offset + 4 && BinaryPrimitives.ReadUInt32LittleEndian(image[offset..]) == IntelDescriptorFormat.Signature)
                {
                    return offset;
                }
            }

            return null;
        }

        /// <summary>
        /// Parses the descriptor in <paramref name="image"/>, which starts at chip offset 0 and holds at least
        /// its first 4 KiB. Throws <see cref="LayoutException"/> when there is no descriptor or it is damaged.
        /// </summary>
        public static IntelDescriptor Parse(ReadOnlySpan<byte> image)
        {
            if (image.Length < IntelDescriptorFormat.Size)
            {
                throw new LayoutException(
                    $"An Intel flash descriptor takes the chip's first {IntelDescriptorFormat.Size} bytes; only {image.Length} were given. Read or pass the start of the chip.");
            }

            int signature = FindSignature(image)
                ?? throw new LayoutException(
                    $"No Intel flash descriptor: the signature 0x{IntelDescriptorFormat.Signature:X8} is at neither " +
                    $"{string.Join(" nor ", IntelDescriptorFormat.SignatureOffsets.Select(offset => $"0x{offset:X}"))}. " +
                    "This chip or image has none (a BIOS-region-only image, a non-Intel board, or an erased chip).")
                {
                    Remedies = new[] { Remedy.UseFmapOrLayoutFile },
                };

            var map = new IntelDescriptorMap(
                ReadUInt32(image, signature + IntelDescriptorFormat.Flmap0Offset),
                ReadUInt32(image, signature + IntelDescriptorFormat.Flmap1Offset),
                ReadUInt32(image, signature + IntelDescriptorFormat.Flmap2Offset),
                ReadUInt32(image, IntelDescriptorFormat.UpperMapOffset));
            IntelDescriptorGeneration generation = IntelDescriptorGeneration.Guess(map);
            int count = Math.Min(generation.RegionCount(map), IntelDescriptorFormat.RegionNames.Length);
            CheckRegionSection(map, signature, count);

            var regions = new List<IntelDescriptorRegion>(count);
            for (int index = 0; index < count; index++)
            {
                uint flreg = ReadUInt32(image, map.RegionSectionOffset + (index * IntelDescriptorFormat.FlregLength));
                regions.Add(new IntelDescriptorRegion(index, IntelDescriptorFormat.RegionNames[index], flreg));
            }

            return new IntelDescriptor(signature, map, generation, regions);
        }

        private static void CheckRegionSection(IntelDescriptorMap map, int signature, int count)
        {
            int start = map.RegionSectionOffset;
            int end = start + (count * IntelDescriptorFormat.FlregLength);
            if (start < signature + MapLength || end > IntelDescriptorFormat.UpperMapOffset)
            {
                throw new LayoutException(
                    $"The Intel flash descriptor is damaged: FLMAP0 = 0x{map.Flmap0:X8} puts the region section (FRBA) at 0x{start:X}, " +
                    $"outside 0x{signature + MapLength:X}-0x{IntelDescriptorFormat.UpperMapOffset - 1:X}. Restore the descriptor from a backup of this board.");
            }
        }

        private static uint ReadUInt32(ReadOnlySpan<byte> image, int offset) => BinaryPrimitives.ReadUInt32LittleEndian(image[offset..]);
    }
}
