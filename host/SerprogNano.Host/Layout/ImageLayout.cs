using System;

namespace SerprogNano.Host.Layout
{
    /// <summary>The region layout an image carries itself: its Intel flash descriptor, else its FMAP; null when it has neither.</summary>
    public static class ImageLayout
    {
        public static FlashLayout? Find(ReadOnlySpan<byte> image)
        {
            try
            {
                return IntelDescriptorParser.FindSignature(image) != null
                    ? IntelDescriptorParser.Parse(image).ToLayout()
                    : FmapParser.FindInFile(image).ToLayout();
            }
            catch (LayoutException)
            {
                // A damaged or absent layout only means the plan is told in addresses.
                return null;
            }
        }
    }
}
