using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using SerprogNano.Host.Files;
using SerprogNano.Host.Layout;

namespace SerprogNano.Cli
{
    /// <summary>
    /// flashrom's layout options (-l, --ifd, --fmap, --fmap-file, -i), defined once for read, write, verify and erase.
    /// The parsing is the host library's (SerprogNano.Host.Layout); this class only says where the layout comes from.
    /// </summary>
    public sealed class RegionOptions
    {
        public Option<FileInfo?> Layout { get; } = new("--layout", "-l")
        {
            Description = "flashrom layout file: 'start:end name' lines, hex, both ends included (e.g. 00001000:00002fff gbe); choose regions with -i",
        };

        public Option<bool> Ifd { get; } = new("--ifd")
        {
            Description = "Regions from the Intel flash descriptor (fd, bios, me, gbe, pd...): the chip's own; for write the image's, which must match the chip's",
        };

        public Option<bool> Fmap { get; } = new("--fmap") { Description = "Regions from the FMAP found on the chip (coreboot's area names)" };

        public Option<FileInfo?> FmapFile { get; } = new("--fmap-file") { Description = "Regions from the FMAP in FILE (e.g. the coreboot image)" };

        public Option<string[]> Include { get; } = new("--include", "-i")
        {
            Description = "Work on region NAME only (repeatable); NAME:FILE reads the region into, or writes and verifies it from, a file of the region's size",
        };

        public void AddTo(Command command)
        {
            command.Options.Add(Layout);
            command.Options.Add(Ifd);
            command.Options.Add(Fmap);
            command.Options.Add(FmapFile);
            command.Options.Add(Include);
        }

        /// <summary>
        /// The request on the command line, checked before the programmer is touched (a layout file or an
        /// FMAP file is read and parsed now); null when no region option is given.
        /// </summary>
        public RegionRequest? Parse(ParseResult parse)
        {
            FileInfo? layoutFile = parse.GetValue(Layout);
            FileInfo? fmapFile = parse.GetValue(FmapFile);
            bool ifd = parse.GetValue(Ifd);
            bool fmap = parse.GetValue(Fmap);
            string[] includes = parse.GetValue(Include) ?? [];
            var sources = new List<string>();
            if (layoutFile != null)
            {
                sources.Add("-l");
            }

            if (ifd)
            {
                sources.Add("--ifd");
            }

            // flashrom's --fmap-file implies --fmap: both together name one source.
            if (fmapFile != null)
            {
                sources.Add("--fmap-file");
            }
            else if (fmap)
            {
                sources.Add("--fmap");
            }

            if (sources.Count == 0 && includes.Length == 0)
            {
                return null;
            }

            if (sources.Count > 1)
            {
                throw new UsageException(string.Join(" and ", sources) + " each give a layout; give one of them.");
            }

            if (includes.Length == 0)
            {
                throw new UsageException(sources[0] + " only names regions: choose them with -i NAME (repeatable). To work on the whole chip, leave " + sources[0] + " out.");
            }

            if (sources.Count == 0)
            {
                throw new UsageException("-i " + includes[0] + " needs a layout that defines the region: add -l FILE, --ifd, --fmap or --fmap-file FILE.");
            }

            var arguments = new List<IncludeArgument>();
            foreach (string text in includes)
            {
                IncludeArgument argument = Guard(() => IncludeArgument.Parse(text), usage: true);
                if (arguments.Exists(other => other.Name == argument.Name))
                {
                    throw new UsageException("Region '" + argument.Name + "' is included twice; give each -i once.");
                }

                arguments.Add(argument);
            }

            FlashLayout? fromFile = layoutFile != null
                ? Guard(() => LayoutFile.Load(layoutFile.FullName), usage: false)
                : fmapFile != null ? Guard(() => FmapParser.FindInFile(ReadFmapFile(fmapFile)).ToLayout(), usage: false) : null;
            RegionSource source = layoutFile != null ? RegionSource.LayoutFile : ifd ? RegionSource.Ifd : fmapFile != null ? RegionSource.FmapFile : RegionSource.Fmap;
            var request = new RegionRequest(source, fromFile, arguments);
            if (fromFile != null)
            {
                // A misspelt name in a file's layout is found before the programmer is touched.
                request.CheckNames(fromFile);
            }

            return request;
        }

        /// <summary>Runs a layout step; its <see cref="LayoutException"/> becomes a usage error (exit 2) or a failure (exit 1).</summary>
        internal static T Guard<T>(Func<T> step, bool usage)
        {
            try
            {
                return step();
            }
            catch (LayoutException e)
            {
                string message = RemedyWords.Message(e);
                throw usage ? new UsageException(message) : new CommandFailedException(message);
            }
        }

        private static byte[] ReadFmapFile(FileInfo file)
        {
            try
            {
                return InputFile.ReadAll(file.FullName, "FMAP file", InputFile.LargestFlashImage, "the largest SPI NOR chip");
            }
            catch (InputFileException e)
            {
                throw new CommandFailedException(e.Message + " The FMAP file is the coreboot image (or fmap.fmd's binary) that holds the FMAP.");
            }
        }
    }

    /// <summary>Where -i's regions are defined.</summary>
    public enum RegionSource
    {
        LayoutFile,
        Ifd,
        Fmap,
        FmapFile,
    }

    /// <summary>-i's regions and where their layout comes from, before the chip is known.</summary>
    public sealed record RegionRequest(RegionSource Source, FlashLayout? Layout, IReadOnlyList<IncludeArgument> Includes)
    {
        /// <summary>The option that gave the layout, for messages.</summary>
        public string SourceOption => Source switch
        {
            RegionSource.LayoutFile => "-l",
            RegionSource.Ifd => "--ifd",
            RegionSource.Fmap => "--fmap",
            _ => "--fmap-file",
        };

        /// <summary>
        /// The included regions on this chip, checked as flashrom checks them: each name exists (else a usage
        /// error listing the names), each region lies on the chip and no two overlap (else a failure, exit 1).
        /// --ifd and --fmap read the chip; for a write, --ifd takes the image's descriptor and requires the chip's,
        /// if it has one, to define the same regions, and --fmap requires the image's FMAP to define the chip's areas.
        /// </summary>
        public IReadOnlyList<IncludedRegion> Resolve(CommandContext context, FlashSession session, byte[]? image)
        {
            long chipSize = session.Chip.Size;
            FlashLayout layout = Layout ?? Source switch
            {
                RegionSource.Ifd => DescriptorLayout(context, session, image),
                _ => ChipFmap(context, session, image),
            };
            CheckNames(layout);
            IReadOnlyList<FlashRegion> regions = RegionOptions.Guard(() => layout.Include(Includes.Select(include => include.Name), chipSize), usage: false);
            var included = regions.Select((region, i) => new IncludedRegion(region, Includes[i].File)).ToList();
            foreach (FlashRegion beyond in layout.Regions.Where(region => region.End >= chipSize && !regions.Contains(region)))
            {
                // flashrom warns too: a layout for a larger chip is usable for the regions that lie on this one.
                context.Warn("Region '" + beyond.Name + "' " + beyond.Range + " lies beyond this " + chipSize + " byte chip; it is not included, so it does not matter here.");
            }

            var json = new JsonArray();
            foreach (IncludedRegion region in included)
            {
                json.Add(new JsonObject { ["name"] = region.Region.Name, ["start"] = region.Region.Start, ["end"] = region.Region.End, ["file"] = region.File });
            }

            context.Result["layout"] = layout.Source;
            context.Result["regions"] = json;
            context.Say("Regions (" + layout.Source + "): " + string.Join(", ", included.Select(region => region.Region.ToString())));
            return included;
        }

        /// <summary>An -i name the layout does not have is a usage error (exit 2) that lists the names it has.</summary>
        internal void CheckNames(FlashLayout layout)
        {
            foreach (IncludeArgument include in Includes)
            {
                if (!layout.Names.Contains(include.Name))
                {
                    RegionOptions.Guard(() => layout.Find(include.Name), usage: true);
                }
            }
        }

        private FlashLayout DescriptorLayout(CommandContext context, FlashSession session, byte[]? image)
        {
            var start = new byte[IntelDescriptorFormat.Size];
            session.Flash.Read(0, start);
            if (image == null)
            {
                return RegionOptions.Guard(() => IntelDescriptorParser.Parse(start).ToLayout(), usage: false);
            }

            FlashLayout imageLayout = RegionOptions.Guard(
                () => new FlashLayout(IntelDescriptorParser.Parse(image).ToLayout().Regions, "the image's Intel flash descriptor"),
                usage: false);
            if (IntelDescriptorParser.FindSignature(start) == null)
            {
                context.Warn("The chip has no Intel flash descriptor (erased, or not an Intel board's chip): the regions are the image's.");
                return imageLayout;
            }

            // flashrom's library refuses a write whose image descriptor differs from the chip's ("Descriptors don't match!").
            FlashLayout chipLayout = RegionOptions.Guard(() => IntelDescriptorParser.Parse(start).ToLayout(), usage: false);
            RequireSameRegions(chipLayout, imageLayout);
            return imageLayout;
        }

        /// <summary>
        /// The chip's FMAP; for a write, the image's must place every area alike, as --ifd requires of descriptors
        /// (flashrom's --fmap writes without comparing).
        /// </summary>
        private FlashLayout ChipFmap(CommandContext context, FlashSession session, byte[]? image)
        {
            // flashrom's search reads parts of the chip; the whole chip is read here, once, and searched the same way.
            context.Say("Reading the chip to find its FMAP...");
            var chip = new byte[session.Chip.Size];
            session.Flash.Read(0, chip);
            FlashLayout chipLayout = RegionOptions.Guard(() => FmapParser.FindOnChip(chip).ToLayout(), usage: false);
            if (image != null)
            {
                FlashLayout imageLayout;
                try
                {
                    imageLayout = FmapParser.FindOnChip(image).ToLayout();
                }
                catch (LayoutException e)
                {
                    throw new CommandFailedException(
                        "In the image: " + e.Message + " Without the image's FMAP it cannot be checked that its areas lie where the chip's FMAP puts them, so nothing was written. "
                        + "To write the whole image, leave out --fmap and -i; to write the chip's areas from this image anyway, give the layout you mean with --fmap-file FILE or -l FILE.");
                }

                RequireSameRegions(chipLayout, imageLayout);
            }

            return chipLayout;
        }

        /// <summary>
        /// Refuses a write whose image places regions elsewhere than the chip: the image's bytes would go to the chip's
        /// offsets, and the bytes kept "outside" them would be the wrong ones.
        /// </summary>
        private void RequireSameRegions(FlashLayout chipLayout, FlashLayout imageLayout)
        {
            (IReadOnlyList<FlashRegion> onChip, IReadOnlyList<FlashRegion> inImage) = chipLayout.Differences(imageLayout);
            if (onChip.Count == 0 && inImage.Count == 0)
            {
                return;
            }

            (string map, string regions, string layoutOptions) = Source == RegionSource.Ifd
                ? ("Intel flash descriptor", "regions", "-l FILE")
                : ("FMAP", "areas", "--fmap-file FILE or -l FILE");
            throw new CommandFailedException(
                "The image's " + map + " defines other " + regions + " than the chip's (chip: " + List(onChip) + "; image: " + List(inImage) + "). Nothing was written. "
                + "To change the layout, write the whole image (leave out " + SourceOption + " and -i); to keep " + regions + " anyway, give the layout you mean with " + layoutOptions + ".");
        }

        private static string List(IReadOnlyList<FlashRegion> regions) => regions.Count == 0 ? "none" : string.Join(", ", regions);
    }

    /// <summary>One -i region on the chip, and the file named for it alone (NAME:FILE), if any.</summary>
    public sealed record IncludedRegion(FlashRegion Region, string? File)
    {
        public int Offset => checked((int)Region.Start);

        public int Length => checked((int)Region.Size);

        /// <summary>The region's own file, which must be exactly the region's size.</summary>
        public byte[] LoadFile()
        {
            byte[] data = ImageFile.Load(new FileInfo(File!));
            if (data.Length != Length)
            {
                throw new CommandFailedException(
                    "File " + File + " for region '" + Region.Name + "' is " + data.Length + " bytes but the region " + Region.Range + " is " + Length
                    + " bytes; nothing was changed. Give a file of exactly the region's size (read one with -i " + Region.Name + ":FILE).");
            }

            return data;
        }
    }
}
