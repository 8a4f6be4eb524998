using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using SerprogNano.Chips;
using SerprogNano.Chips.Protection;
using SerprogNano.Host.Remedies;

namespace SerprogNano.Host.SpiNor.Protection
{
    /// <summary>
    /// The host's only status register write. A value written back from a read with one flipped bit can clear QE
    /// (a board that boots from quad I/O no longer boots) or set a one-time lock for good, so: the registers are
    /// read until two reads agree, only the bits asked for change, QE and the one-time locks are never sent other
    /// than read, and afterwards every bit is read back (settled) and compared.
    /// </summary>
    public static class StatusRegisterWrite
    {
        /// <summary>Reads of all registers before the link is called unreliable: two consecutive must agree.</summary>
        private const int MaxReads = 5;

        /// <summary>WIP and WEL change with every command; they are never written and never compared.</summary>
        private const byte Transient = SpiNorStatusBits.WriteInProgress | SpiNorStatusBits.WriteEnableLatch;

        private static readonly TimeSpan WriteMaxTime = TimeSpan.FromMilliseconds(200);

        /// <summary>Every status register the chip has (register 1 first, WIP and WEL as 0), once two reads in a row agree.</summary>
        public static byte[] ReadSettled(SpiNorFlash flash)
        {
            ArgumentNullException.ThrowIfNull(flash);
            var reads = new List<byte[]>();
            while (reads.Count < MaxReads)
            {
                byte[] now = ReadOnce(flash);
                if (reads.Count > 0 && now.AsSpan().SequenceEqual(reads[^1]))
                {
                    return now;
                }

                reads.Add(now);
            }

            throw new WriteProtectException(
                "The status registers read differently " + MaxReads + " times in a row (" + string.Join("; ", reads.Select(Values)) + "): the link to the chip "
                + "(the programmer's cable or the clip's wires) is unreliable, and a value written back from a wrong read can clear QE or set a one-time lock for good. "
                + "Nothing was written. Check the connection (a shorter cable, a lower spispeed), then run the command again.");
        }

        /// <summary>
        /// Writes <paramref name="wanted"/> (registers 1 to <paramref name="sentRegisters"/> in one WRSR) over <paramref name="before"/>,
        /// which must come from <see cref="ReadSettled"/>, and returns the registers read back. Throws, saying what the chip now holds,
        /// when any bit reads back other than sent; <paramref name="notTakenAdvice"/> says what to do about that.
        /// </summary>
        public static byte[] Write(SpiNorFlash flash, byte[] before, byte[] wanted, int sentRegisters, string notTakenAdvice)
        {
            ArgumentNullException.ThrowIfNull(flash);
            ArgumentNullException.ThrowIfNull(before);
            ArgumentNullException.ThrowIfNull(wanted);
            if (wanted.Length != before.Length || sentRegisters < 1 || sentRegisters > wanted.Length || !wanted.AsSpan(sentRegisters).SequenceEqual(before.AsSpan(sentRegisters)))
            {
                throw new ArgumentException("The wanted status values must cover the registers read, and change only the " + sentRegisters + " sent.", nameof(wanted));
            }

            RefuseKeptBitChanges(flash.Chip.WriteProtect, before, wanted);
            if (wanted.AsSpan().SequenceEqual(before))
            {
                return before;
            }

            flash.Master.Execute(new[]
            {
                flash.Chip.NeedsEwsr ? SpiNorCommands.EnableWriteStatus() : SpiNorCommands.WriteEnable(),
                SpiNorCommands.WriteStatus(wanted.AsSpan(0, sentRegisters)),
            });
            WriteInProgressPoller.WaitUntilReady(flash.Master, WriteMaxTime, TimeSpan.FromMilliseconds(10), "write status register", null);
            byte[] after = ReadSettled(flash);
            if (!after.AsSpan().SequenceEqual(wanted))
            {
                string unasked = Differing(flash.Chip.WriteProtect, before, after, wanted);
                throw new WriteProtectException(
                    "The status registers read back other than written (sent " + Values(wanted.AsSpan(0, sentRegisters).ToArray()) + "; read " + Values(after) + "; before "
                    + Values(before) + "). " + NotTaken(unasked, after.AsSpan().SequenceEqual(before), notTakenAdvice))
                {
                    Remedies = unasked.Length > 0 ? new[] { Remedy.ShowStatusRegisters } : Remedy.None,
                };
            }

            return after;
        }

        /// <summary>
        /// Why a status write read back other than sent. A WRSR is taken whole or not at all, so a value neither old nor
        /// sent came off a damaged command; only a write ignored whole may be the chip's protection.
        /// </summary>
        private static string NotTaken(string unasked, bool ignored, string notTakenAdvice)
        {
            if (unasked.Length > 0)
            {
                return "Bits that were not to change changed too (" + unasked + "): the write was damaged on its way to the chip, or the chip changes them with it. "
                    + "Check the connection and set those bits back as they were before the board is powered up.";
            }

            return ignored
                ? notTakenAdvice + " If it is not held, the command may have been damaged on the link: run it again, and if that recurs check the connection."
                : "The chip took part of what was sent: the write was damaged on its way to the chip, not refused by it. Run the command again; if that recurs, check the connection "
                    + "(a shorter cable, a lower baud rate or spispeed).";
        }

        /// <summary>"SR1 0x9C -> 0x80, SR2 0x02 (unchanged)": what a write did, for the user.</summary>
        public static string Describe(byte[] before, byte[] after)
        {
            ArgumentNullException.ThrowIfNull(before);
            ArgumentNullException.ThrowIfNull(after);
            return string.Join(", ", before.Select((value, i) => "SR" + (i + 1) + " " + Hex(value) + (after[i] == value ? " (unchanged)" : " -> " + Hex(after[i]))));
        }

        private static byte[] ReadOnce(SpiNorFlash flash)
        {
            byte[] values = flash.ReadStatusRegisters();
            values[0] &= unchecked((byte)~Transient);
            return values;
        }

        /// <summary>QE and the one-time locks are never asked for: a value that changes them comes from a fault, and is not sent.</summary>
        private static void RefuseKeptBitChanges(WriteProtectLayout? layout, byte[] before, byte[] wanted)
        {
            foreach (SpiNorStatusBit bit in layout?.MustKeep ?? [])
            {
                bool was = (before[bit.Register - 1] & bit.Mask) != 0;
                bool would = (wanted[bit.Register - 1] & bit.Mask) != 0;
                if (was != would)
                {
                    throw new WriteProtectException(
                        "Refusing to write status register " + bit.Register + " as " + Hex(wanted[bit.Register - 1]) + ": it would change " + Name(bit, layout) + " from "
                        + (was ? 1 : 0) + " to " + (would ? 1 : 0) + ", which was not asked for. Nothing was written (the registers read " + Values(before)
                        + "). This is a fault in serprog: please report it with the command you ran.");
                }
            }
        }

        /// <summary>The bits that differ between what was read and what reads back, among those not meant to change.</summary>
        private static string Differing(WriteProtectLayout? layout, byte[] before, byte[] after, byte[] wanted)
        {
            var bits = new List<string>();
            for (int register = 0; register < before.Length; register++)
            {
                int unasked = (before[register] ^ after[register]) & ~(before[register] ^ wanted[register]);
                for (int bit = 0; bit < 8; bit++)
                {
                    if ((unasked & (1 << bit)) != 0)
                    {
                        bits.Add(Name(new SpiNorStatusBit(register + 1, (byte)(1 << bit)), layout));
                    }
                }
            }

            return string.Join(", ", bits);
        }

        /// <summary>"SR2 bit 1 (QE, quad enable)": QE and the one-time locks named, other bits by place.</summary>
        private static string Name(SpiNorStatusBit bit, WriteProtectLayout? layout)
        {
            string where = "SR" + bit.Register + " bit " + System.Numerics.BitOperations.Log2(bit.Mask);
            return bit == layout?.QuadEnable ? where + " (QE, quad enable)"
                : layout?.OneTimeLocks.Contains(bit) == true ? where + " (a one-time lock: once set, it stays set for good)"
                : where;
        }

        private static string Values(byte[] values) => string.Join(" ", values.Select((value, i) => "SR" + (i + 1) + "=" + Hex(value)));

        private static string Hex(byte value) => "0x" + value.ToString("X2", CultureInfo.InvariantCulture);
    }
}
