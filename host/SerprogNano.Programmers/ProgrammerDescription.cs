using System.Collections.Generic;
using System.Text.Json.Nodes;

namespace SerprogNano.Programmers
{
    /// <summary>
    /// What an opened programmer says about itself, as text and as JSON data, so a front end renders it
    /// without knowing the programmer's kind.
    /// </summary>
    /// <param name="Headline">One line naming it, its link and its clock.</param>
    /// <param name="Details">Its limits and how it is driven: what a verbose front end shows on connecting.</param>
    /// <param name="Fields">The headline as data (name, link, spiFrequency, ...).</param>
    /// <param name="Inventory">Everything it can tell (serprog info), line by line, in order.</param>
    /// <param name="InventoryFields">The inventory as data.</param>
    public sealed record ProgrammerDescription(
        string Headline,
        IReadOnlyList<string> Details,
        JsonObject Fields,
        IReadOnlyList<ProgrammerFact> Inventory,
        JsonObject InventoryFields);
}
