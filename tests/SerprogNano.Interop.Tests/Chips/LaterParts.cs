using System.Collections.Generic;
using System.Linq;
using SerprogNano.Chips;
using SerprogNano.TestSupport;

namespace SerprogNano.Interop.Tests.Chips
{
    /// <summary>
    /// The database parts the installed flashrom (Debian's 1.3) does not list: those flashrom and flashprog added later
    /// (see the chips README), which flashrom 1.3 cannot name.
    /// </summary>
    internal static class LaterParts
    {
        public static IReadOnlySet<ChipDefinition> NotListedByFlashrom()
        {
            var listed = FlashromChipList.Parse(Flashrom.List()).Select(chip => ChipDatabase.Default.FindByName(chip.Name)).OfType<ChipDefinition>().ToHashSet();
            return ChipDatabase.Default.Chips.Where(chip => !listed.Contains(chip)).ToHashSet();
        }
    }
}
