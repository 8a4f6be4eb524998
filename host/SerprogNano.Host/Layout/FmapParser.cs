using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using SerprogNano.Host.Remedies;

namespace SerprogNano.Host.Layout
{
    /// <summary>Finds and reads a flashmap the way flashrom's fmap.c does.</summary>
    public static class FmapParser
    {
        private static readonly byte[] SignatureBytes = Encoding.ASCII.GetBytes(FmapFormat.Signature);

        /// <summary>
        /// --fmap on a chip: offsets aligned to half the chip, then a quarter... down to 256 bytes
        /// (flashrom's fmap_bsearch_rom), then every byte.
        /// </summary>
        public static Fmap FindOnChip(ReadOnlySpan<byte> chip) => Find(chip, aligned: true);

        /// <summary>--fmap-file: the first valid FMAP at any byte offset of the file (flashrom's fmap_lsearch).</summary>
        public static Fmap FindInFile(ReadOnlySpan<byte> file) => Find(file, aligned: false);

        private static Fmap Find(ReadOnlySpan<byte> image, bool aligned)
        {
            var damaged = new List<string>();
            long? found = aligned ? AlignedSearch(image, damaged) : null;
            found ??= LinearSearch(image, damaged);
            if (found is null)
            {
                if (damaged.Count > 0)
                {
                    throw new LayoutException(
                        $"The FMAP is damaged: the signature {FmapFormat.Signature} is there but no valid header follows it ({string.Join("; ", damaged.Take(3))}). Rebuild the image.")
                    {
                        Remedies = new[] { Remedy.UseDescriptorOrLayoutFile },
                    };
                }

                throw new LayoutException(
                    $"No FMAP: the signature {FmapFormat.Signature} is nowhere in the {image.Length} bytes. This image has no flashmap (most coreboot images for Intel boards rely on the descriptor).")
                {
                    Remedies = new[] { Remedy.UseDescriptorOrLayoutFile },
                };
            }

            return Read(image, (int)found.Value);
        }

        private static long? AlignedSearch(ReadOnlySpan<byte> image, List<string> damaged)
        {
            bool checkOffsetZero = true;
            for (int stride = image.Length / 2; stride >= FmapFormat.SearchMinStride; stride /= 2)
            {
                for (long offset = 0; offset <= image.Length - FmapFormat.HeaderLength; offset += stride)
                {
                    // Offsets on twice the stride were seen in the previous pass, except 0, which is seen once.
                    if ((offset % (stride * 2L) == 0 && offset != 0) || (offset == 0 && !checkOffsetZero))
                    {
                        continue;
                    }

                    checkOffsetZero = false;
                    if (IsValidAt(image, (int)offset, damaged))
                    {
                        return offset;
                    }
                }
            }

            return null;
        }

        private static long? LinearSearch(ReadOnlySpan<byte> image, List<string> damaged)
        {
            int offset = 0;
            while (offset <= image.Length - FmapFormat.HeaderLength)
            {
                int next = image[offset..].IndexOf(SignatureBytes);
                if (next < 0)
                {
                    return null;
                }

                offset += next;
                if (offset <= image.Length - FmapFormat.HeaderLength && IsValidAt(image, offset, damaged))
                {
                    return offset;
                }

                offset++;
            }

            return null;
        }

        /// <summary>flashrom's is_valid_fmap: signature, major version 1, a size that holds the map, a printable NUL-terminated name.</summary>
        private static bool IsValidAt(ReadOnlySpan<byte> image, int offset, List<string> damaged)
        {
            ReadOnlySpan<byte> header = image.Slice(offset, FmapFormat.HeaderLength);
            if (!header.StartsWith(SignatureBytes))
            {
                return false;
            }

            string? problem = HeaderProblem(header);
            if (problem is null)
            {
                return true;
            }

            string note = $"at 0x{offset:X}: {problem}";
            if (!damaged.Contains(note))
            {
                damaged.Add(note);
            }

            return false;
        }

        private static string? HeaderProblem(ReadOnlySpan<byte> header)
        {
            int major = header[FmapFormat.VersionMajorOffset];
            if (major != FmapFormat.VersionMajor)
            {
                return $"version {major}.{header[FmapFormat.VersionMinorOffset]}, not {FmapFormat.VersionMajor}.x";
            }

            uint size = BinaryPrimitives.ReadUInt32LittleEndian(header[FmapFormat.SizeOffset..]);
            int areas = BinaryPrimitives.ReadUInt16LittleEndian(header[FmapFormat.AreaCountOffset..]);
            long mapLength = FmapFormat.HeaderLength + ((long)areas * FmapFormat.AreaLength);
            if (size < mapLength)
            {
                return $"size 0x{size:X} is smaller than the map itself ({areas} areas, {mapLength} bytes)";
            }

            ReadOnlySpan<byte> name = header.Slice(FmapFormat.NameOffset, FmapFormat.NameLength);
            int end = name.IndexOf((byte)0);
            if (end < 0 || name[..end].ContainsAnyExceptInRange((byte)0x21, (byte)0x7E))
            {
                return "its name is not a printable word ending in NUL within 32 bytes";
            }

            return null;
        }

        private static Fmap Read(ReadOnlySpan<byte> image, int offset)
        {
            ReadOnlySpan<byte> header = image.Slice(offset, FmapFormat.HeaderLength);
            int count = BinaryPrimitives.ReadUInt16LittleEndian(header[FmapFormat.AreaCountOffset..]);
            long tableEnd = offset + FmapFormat.HeaderLength + ((long)count * FmapFormat.AreaLength);
            if (tableEnd > image.Length)
            {
                throw new LayoutException(
                    $"The FMAP at 0x{offset:X} is damaged: it lists {count} areas, which would end at 0x{tableEnd:X}, past the end of the {image.Length} bytes. Rebuild the image.")
                    {
                        Remedies = new[] { Remedy.UseDescriptorOrLayoutFile },
                    };
            }

            var areas = new FmapArea[count];
            for (int index = 0; index < count; index++)
            {
                ReadOnlySpan<byte> area = image.Slice(offset + FmapFormat.HeaderLength + (index * FmapFormat.AreaLength), FmapFormat.AreaLength);
                areas[index] = new FmapArea(
                    index,
                    BinaryPrimitives.ReadUInt32LittleEndian(area[FmapFormat.AreaOffsetOffset..]),
                    BinaryPrimitives.ReadUInt32LittleEndian(area[FmapFormat.AreaSizeOffset..]),
                    ReadName(area.Slice(FmapFormat.AreaNameOffset, FmapFormat.NameLength)),
                    (FmapAreaFlags)BinaryPrimitives.ReadUInt16LittleEndian(area[FmapFormat.AreaFlagsOffset..]));
            }

            return new Fmap(
                offset,
                header[FmapFormat.VersionMajorOffset],
                header[FmapFormat.VersionMinorOffset],
                BinaryPrimitives.ReadUInt64LittleEndian(header[FmapFormat.BaseOffset..]),
                BinaryPrimitives.ReadUInt32LittleEndian(header[FmapFormat.SizeOffset..]),
                ReadName(header.Slice(FmapFormat.NameOffset, FmapFormat.NameLength)),
                areas);
        }

        /// <summary>Up to the first NUL, at most 32 bytes (flashrom copies 32 and terminates), byte for byte.</summary>
        private static string ReadName(ReadOnlySpan<byte> field)
        {
            int end = field.IndexOf((byte)0);
            return Encoding.Latin1.GetString(end < 0 ? field : field[..end]);
        }
    }
}
