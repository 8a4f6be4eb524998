namespace SerprogNano.Chips
{
    /// <summary>How a part gives its id, as flashrom probes it; the database's id bytes are that command's answer.</summary>
    public enum ChipIdCommand
    {
        /// <summary>RDID (0x9F): manufacturer, memory type, capacity.</summary>
        Rdid,

        /// <summary>RDID answering four bytes: the 0x7F continuation code, the maker (AMIC 0x37) and two device bytes.</summary>
        Rdid4,

        /// <summary>REMS (0x90): maker and device byte; the part has no RDID.</summary>
        Rems,

        /// <summary>RES (0xAB): one electronic signature byte.</summary>
        Res1,

        /// <summary>RES (0xAB) answering maker and device byte.</summary>
        Res2,

        /// <summary>Atmel AT25F's own id command (0x15): maker and device byte.</summary>
        At25f,

        /// <summary>RDID read to six bytes (Spansion S25FL-S/S25FS-S): bytes 4 and 5 give the sector architecture and family.</summary>
        BigSpansion,
    }
}
