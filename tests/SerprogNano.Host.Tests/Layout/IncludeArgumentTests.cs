using SerprogNano.Host.Layout;

namespace SerprogNano.Host.Tests.Layout
{
    [TestClass]
    public sealed class IncludeArgumentTests
    {
        [TestMethod]
        [DataRow("bios", "bios", null)]
        [DataRow("gbe:gbe.bin", "gbe", "gbe.bin")]
        [DataRow("bios:/mnt/c:/dump.bin", "bios", "/mnt/c:/dump.bin")]
        [DataRow("RW_SECTION_A:a.bin", "RW_SECTION_A", "a.bin")]
        public void Name_and_optional_file_split_at_the_first_colon(string text, string name, string? file)
        {
            Assert.AreEqual(new IncludeArgument(name, file), IncludeArgument.Parse(text));
        }

        [TestMethod]
        [DataRow("bios:", "-i bios:: the file name after ':' is missing; write -i bios or -i bios:FILE.")]
        [DataRow(":bios.bin", "-i :bios.bin: the region name is missing; write -i NAME or -i NAME:FILE.")]
        [DataRow("", "-i : the region name is missing; write -i NAME or -i NAME:FILE.")]
        public void Missing_name_or_file_is_refused(string text, string message)
        {
            var error = Assert.ThrowsExactly<LayoutException>(() => IncludeArgument.Parse(text));

            Assert.AreEqual(message, error.Message);
        }
    }
}
