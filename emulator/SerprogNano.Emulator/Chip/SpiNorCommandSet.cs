using SerprogNano.Chips;

namespace SerprogNano.Emulator.Chip
{
    /// <summary>The opcode table of one part: every opcode it does not list stays unknown (ignored, MISO high).</summary>
    internal static class SpiNorCommandSet
    {
        public static SpiNorCommand[] For(SpiNorModel model)
        {
            var table = new SpiNorCommand[256];

            // The id command flashrom probes the part by; a part whose entry gives its REMS byte also answers REMS and RES.
            switch (model.Chip.IdCommand)
            {
                case ChipIdCommand.Rems:
                    table[SpiNorOpcodes.ReadManufacturerDeviceId] = new(SpiNorCommandKind.ReadManufacturerDeviceId, CommandAddressLength.ThreeBytes);
                    break;
                case ChipIdCommand.Res1:
                case ChipIdCommand.Res2:
                    table[SpiNorOpcodes.ReleasePowerDownId] = new(SpiNorCommandKind.ReadSignature, DummyBytes: 3);
                    break;
                case ChipIdCommand.At25f:
                    table[SpiNorOpcodes.ReadProductIdAt25f] = new(SpiNorCommandKind.ReadJedecId);
                    break;
                default:
                    table[SpiNorOpcodes.ReadJedecId] = new(SpiNorCommandKind.ReadJedecId);
                    break;
            }

            if (model.Chip.RemsDeviceId != null)
            {
                table[SpiNorOpcodes.ReadManufacturerDeviceId] = new(SpiNorCommandKind.ReadManufacturerDeviceId, CommandAddressLength.ThreeBytes);
                table[SpiNorOpcodes.ReleasePowerDownId] = model.ResActsAsRems
                    ? new(SpiNorCommandKind.ReadManufacturerDeviceId, CommandAddressLength.ThreeBytes)
                    : new(SpiNorCommandKind.ReadSignature, DummyBytes: 3);
            }

            table[SpiNorOpcodes.ReadStatus] = new(SpiNorCommandKind.ReadStatus, Register: 1);
            table[SpiNorOpcodes.WriteStatus] = new(SpiNorCommandKind.WriteStatus);
            table[SpiNorOpcodes.WriteEnable] = new(SpiNorCommandKind.WriteEnable);
            table[SpiNorOpcodes.WriteDisable] = new(SpiNorCommandKind.WriteDisable);
            table[SpiNorOpcodes.Read] = new(SpiNorCommandKind.ReadArray, CommandAddressLength.CurrentMode);
            table[SpiNorOpcodes.FastRead] = new(SpiNorCommandKind.ReadArray, CommandAddressLength.CurrentMode, DummyBytes: 1);
            table[SpiNorOpcodes.ChipErase60] = new(SpiNorCommandKind.ChipErase);
            table[SpiNorOpcodes.ChipEraseC7] = new(SpiNorCommandKind.ChipErase);
            if (model.Chip.ChipEraseOpcode is byte chipErase)
            {
                table[chipErase] = new(SpiNorCommandKind.ChipErase);
            }
            table[SpiNorOpcodes.PageProgram] = model.HasSstAai
                ? new(SpiNorCommandKind.ByteProgram, CommandAddressLength.CurrentMode)
                : new(SpiNorCommandKind.PageProgram, CommandAddressLength.CurrentMode);

            foreach (EraseBlockType erase in model.EraseTypes)
            {
                table[erase.Opcode] = new(SpiNorCommandKind.Erase, CommandAddressLength.CurrentMode, Erase: erase);
                if (erase.Opcode4Byte is byte opcode4)
                {
                    table[opcode4] = new(SpiNorCommandKind.Erase, CommandAddressLength.FourBytes, Erase: erase);
                }
            }

            if (model.HasSfdp)
            {
                table[SpiNorOpcodes.ReadSfdp] = new(SpiNorCommandKind.ReadSfdp, CommandAddressLength.ThreeBytes, DummyBytes: 1);
            }

            if (model.HasStatus2)
            {
                table[SpiNorOpcodes.ReadStatus2] = new(SpiNorCommandKind.ReadStatus, Register: 2);
            }

            if (model.HasStatus3)
            {
                table[SpiNorOpcodes.ReadStatus3] = new(SpiNorCommandKind.ReadStatus, Register: 3);
            }

            if (model.HasWriteStatus2)
            {
                table[SpiNorOpcodes.WriteStatus2] = new(SpiNorCommandKind.WriteStatus, Register: 2);
            }

            if (model.HasWriteStatus3)
            {
                table[SpiNorOpcodes.WriteStatus3] = new(SpiNorCommandKind.WriteStatus, Register: 3);
            }

            if (model.HasEnableWriteStatus)
            {
                table[SpiNorOpcodes.EnableWriteStatus] = new(SpiNorCommandKind.EnableWriteStatus);
            }

            if (model.HasSstAai)
            {
                // Only the first word of an AAI sequence carries an address; the chip decides when it sees the opcode.
                table[SpiNorOpcodes.AaiWordProgram] = new(SpiNorCommandKind.AaiWordProgram, CommandAddressLength.ThreeBytes);
            }

            if (model.HasFourByteMode)
            {
                table[SpiNorOpcodes.Enter4ByteMode] = new(SpiNorCommandKind.Enter4ByteMode);
                table[SpiNorOpcodes.Exit4ByteMode] = new(SpiNorCommandKind.Exit4ByteMode);
                table[SpiNorOpcodes.Read4Byte] = new(SpiNorCommandKind.ReadArray, CommandAddressLength.FourBytes);
                table[SpiNorOpcodes.FastRead4Byte] = new(SpiNorCommandKind.ReadArray, CommandAddressLength.FourBytes, DummyBytes: 1);
                table[SpiNorOpcodes.PageProgram4Byte] = new(SpiNorCommandKind.PageProgram, CommandAddressLength.FourBytes);
            }

            return table;
        }
    }
}
