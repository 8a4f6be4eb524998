using System;
using System.Collections.Generic;
using System.Text;
using SerprogNano.Host.Serprog.Compatibility;
using SerprogNano.Host.Serprog.Transports;
using SerprogNano.Protocol;

namespace SerprogNano.Host.Serprog
{
    /// <summary>
    /// A serprog programmer: the start-up sequence, every query and setter of protocol version 1,
    /// and O_SPIOP either one at a time or pipelined. It never sends a command the device's
    /// Q_CMDMAP leaves out. It owns the transport and releases the pins when disposed.
    /// </summary>
    public sealed class SerprogClient : IDisposable
    {
        /// <summary>Silence that shows the device has nothing more on its way before a SYNCNOP is sent.</summary>
        private static readonly TimeSpan QuietBeforeSync = TimeSpan.FromMilliseconds(50);

        private readonly IByteTransport _transport;
        private readonly SerprogClientOptions _options;
        private readonly SerprogPipeline _pipeline;
        private readonly List<string> _warnings = new();
        private readonly byte[] _parameters = new byte[8];
        private readonly byte[] _reply = new byte[SerprogLimits.CommandMapLength];
        private readonly byte[] _spiHeader = new byte[SerprogLimits.SpiOperationHeaderLength];
        private readonly byte[] _extensionParameters = new byte[SerprogCommandTable.MaxParameterLength];
        private byte[]? _commandMap;
        private bool _outOfStep;
        private bool _pinsDriven;
        private bool _disposed;

        private SerprogClient(IByteTransport transport, SerprogClientOptions options)
        {
            _transport = transport;
            _options = options;
            _transport.ReadTimeout = options.ReplyTimeout;
            // Until the firmware is recognised, every command waits for its reply.
            _pipeline = new SerprogPipeline(transport, 0);
        }

        public IByteTransport Transport => _transport;

        /// <summary>Q_IFACE's answer (always 1 once connected).</summary>
        public int InterfaceVersion { get; private set; }

        /// <summary>Q_PGMNAME's answer, or "" when the device lacks it.</summary>
        public string ProgrammerName { get; private set; } = "";

        /// <summary>Q_BUSTYPE's flags (<see cref="BusType"/>).</summary>
        public byte SupportedBusTypes { get; private set; }

        /// <summary>Bytes the device says it buffers unanswered: Q_SERBUF's answer, or a small safe guess.</summary>
        public int SerialBufferSize { get; private set; } = SerprogClientOptions.SafeSerialBufferSize;

        /// <summary>
        /// How this firmware is driven, from the compatibility table: stop-and-wait unless its profile (or our own
        /// firmware's) says sending ahead is safe, and the limits that really hold.
        /// </summary>
        public FirmwareDriving Driving { get; private set; } = new() { Reason = "not connected yet: stop-and-wait", MaxWriteLength = SerprogLimits.MaxLength24, MaxReadLength = SerprogLimits.MaxLength24 };

        /// <summary>Whether <see cref="SerialBufferSize"/> came from the device rather than a guess.</summary>
        public bool SerialBufferReported { get; private set; }

        /// <summary>Largest O_SPIOP write phase (Q_WRNMAXLEN; 2^24 when the device does not say).</summary>
        public int MaxWriteLength { get; private set; } = SerprogLimits.MaxLength24;

        /// <summary>Largest O_SPIOP read phase (Q_RDNMAXLEN; 2^24 when the device does not say).</summary>
        public int MaxReadLength { get; private set; } = SerprogLimits.MaxLength24;

        /// <summary>The SPI clock the device granted, when one was asked for.</summary>
        public uint? SpiFrequency { get; private set; }

        /// <summary>Things the start-up worked around (missing optional commands).</summary>
        public IReadOnlyList<string> Warnings => _warnings;

        /// <summary>Times the host stopped sending to wait for the device since connecting.</summary>
        public long WaitPoints => _pipeline.WaitPoints;

        /// <summary>Times the host waited for every answer with nothing else in flight: the round trips that cost latency.</summary>
        public long RoundTrips => _pipeline.Drains;

        /// <summary>
        /// Synchronises with the device and runs the start-up sequence flashprog uses. Takes ownership
        /// of <paramref name="transport"/>: it is disposed with the client, or at once if the start fails.
        /// </summary>
        public static SerprogClient Connect(IByteTransport transport, SerprogClientOptions? options = null)
        {
            ArgumentNullException.ThrowIfNull(transport);
            var client = new SerprogClient(transport, options ?? new SerprogClientOptions());
            try
            {
                client.Start();
                return client;
            }
            catch
            {
                client.Dispose();
                throw;
            }
        }

        /// <summary>Whether Q_CMDMAP lists the opcode and the compatibility table does not say to avoid it.</summary>
        public bool Supports(byte opcode)
        {
            return Lists(opcode) && !Driving.Avoid.ContainsKey(opcode);
        }

        /// <summary>Whether Q_CMDMAP lists the opcode (avoided or not).</summary>
        public bool Lists(byte opcode)
        {
            return _commandMap != null && CommandMap.IsSet(_commandMap, 0, opcode);
        }

        /// <summary>
        /// Drops stale input and sends SYNCNOP until the device answers NAK then ACK, skipping stray bytes;
        /// a second SYNCNOP must then be answered exactly, so nothing stale is left on the link.
        /// </summary>
        public void Synchronize() => Synchronize(_options.SyncAttempts);

        private void Synchronize(int attempts)
        {
            _pipeline.Reset();
            TimeSpan replyTimeout = _transport.ReadTimeout;
            _transport.ReadTimeout = _options.SyncTimeout;
            try
            {
                for (int attempt = 0; attempt < attempts; attempt++)
                {
                    _pipeline.DiscardUntilQuiet(QuietBeforeSync, _options.SyncTimeout);
                    if (TrySyncNop(exact: false) && TrySyncNop(exact: true))
                    {
                        _outOfStep = false;
                        return;
                    }
                }
            }
            catch (TransportClosedException e)
            {
                throw new SerprogException("SYNCNOP", "The link to " + _transport.Description + " closed during synchronisation: " + e.Message, e);
            }
            finally
            {
                _transport.ReadTimeout = replyTimeout;
            }

            throw new SerprogTimeoutException(
                "SYNCNOP",
                "The programmer on " + _transport.Description + " did not answer SYNCNOP with NAK and ACK after " + attempts
                + " tries: is it a serprog device, is the port or baud rate right, is it powered?");
        }

        public void Nop() => Command(SerprogOpcode.Nop);

        public int QueryInterface()
        {
            Command(SerprogOpcode.QueryInterface);
            return LittleEndian.ReadUInt16(_reply, 0);
        }

        public byte[] QueryCommandMap()
        {
            Command(SerprogOpcode.QueryCommandMap);
            return _reply.AsSpan(0, SerprogLimits.CommandMapLength).ToArray();
        }

        public string QueryProgrammerName()
        {
            Command(SerprogOpcode.QueryProgrammerName);
            int length = _reply.AsSpan(0, SerprogLimits.ProgrammerNameLength).IndexOf((byte)0);
            return Encoding.ASCII.GetString(_reply, 0, length < 0 ? SerprogLimits.ProgrammerNameLength : length);
        }

        public int QuerySerialBuffer()
        {
            Command(SerprogOpcode.QuerySerialBuffer);
            return LittleEndian.ReadUInt16(_reply, 0);
        }

        public byte QueryBusType()
        {
            Command(SerprogOpcode.QueryBusType);
            return _reply[0];
        }

        public int QueryMaxWriteLength()
        {
            Command(SerprogOpcode.QueryWriteNMaxLength);
            return LittleEndian.DecodeMaxLength(LittleEndian.ReadUInt24(_reply, 0));
        }

        public int QueryMaxReadLength()
        {
            Command(SerprogOpcode.QueryReadNMaxLength);
            return LittleEndian.DecodeMaxLength(LittleEndian.ReadUInt24(_reply, 0));
        }

        public void SetBusType(byte busTypes)
        {
            _parameters[0] = busTypes;
            Command(SerprogOpcode.SetBusType);
        }

        /// <summary>S_SPI_FREQ: returns the frequency the device set.</summary>
        public uint SetSpiFrequency(uint hz)
        {
            ArgumentOutOfRangeException.ThrowIfZero(hz);
            LittleEndian.WriteUInt32(_parameters, 0, hz);
            Command(SerprogOpcode.SetSpiFrequency);
            SpiFrequency = LittleEndian.ReadUInt32(_reply, 0);
            return SpiFrequency.Value;
        }

        /// <summary>S_PIN_STATE: drive the lines, or release them so the board owns its flash.</summary>
        public void SetPinState(bool drive)
        {
            _parameters[0] = drive ? (byte)1 : (byte)0;
            Command(SerprogOpcode.SetPinState);
            _pinsDriven = drive;
        }

        public void SetChipSelect(byte index)
        {
            _parameters[0] = index;
            Command(SerprogOpcode.SetSpiChipSelect);
        }

        /// <summary>
        /// Queues an O_SPIOP behind the ones not yet answered; its reply lands in <paramref name="read"/>
        /// by the time <see cref="Flush"/> returns. Waits only when the device's serial buffer is full.
        /// </summary>
        public void QueueSpiOperation(ReadOnlySpan<byte> write, Memory<byte> read, string? label = null)
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThan(write.Length, MaxWriteLength, nameof(write));
            ArgumentOutOfRangeException.ThrowIfGreaterThan(read.Length, MaxReadLength, nameof(read));
            LittleEndian.WriteUInt24(_spiHeader, 0, write.Length);
            LittleEndian.WriteUInt24(_spiHeader, 3, read.Length);
            Send(SerprogOpcode.SpiOperation, _spiHeader, write, read.Length, read, label);
        }

        /// <summary>
        /// Whether the device offers the SerprogNano extensions (protocol/EXTENSIONS.md): Q_CMDMAP lists them and
        /// Q_PGMNAME names a SerprogNano firmware, as the specification asks before a host sends one.
        /// </summary>
        public bool HasExtensions =>
            SerprogNanoExtensions.IsSerprogNanoName(ProgrammerName)
            && Supports(SerprogNanoOpcode.SpiOperationWait) && Supports(SerprogNanoOpcode.FlashCrc32);

        /// <summary>
        /// Queues an O_NANO_SPIOP_WAIT: <paramref name="writeEnable"/> (0: none) in its own chip-select cycle, then
        /// <paramref name="operation"/>, then status polling on the device until (status &amp; mask) == 0 or the time-out.
        /// Its 2-byte reply (outcome, last status) lands in <paramref name="reply"/> by the time <see cref="Flush"/> returns.
        /// </summary>
        public void QueueSpiOperationWait(byte writeEnable, ReadOnlySpan<byte> operation, byte statusOpcode, byte mask, int timeoutMs, Memory<byte> reply, string? label = null)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(operation.Length, 1, nameof(operation));
            ArgumentOutOfRangeException.ThrowIfGreaterThan(operation.Length, MaxWriteLength, nameof(operation));
            ArgumentOutOfRangeException.ThrowIfNegative(timeoutMs);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(timeoutMs, 0xFFFF);
            SerprogNanoFrames.WriteWaitParameters(_extensionParameters, 0, writeEnable, statusOpcode, mask, timeoutMs, operation.Length);
            RequireExtensions(SerprogNanoOpcode.SpiOperationWait);
            Send(SerprogNanoOpcode.SpiOperationWait, _extensionParameters.AsSpan(0, SerprogNanoExtensions.WaitParameterLength), operation, SerprogCommandTable.ReplyLength(SerprogNanoOpcode.SpiOperationWait), reply, label);
        }

        /// <summary>Whether the programmer also runs O_NANO_SPIOP_WAIT_RUN; older SerprogNano firmware has only O_NANO_SPIOP_WAIT.</summary>
        public bool HasWaitRuns => HasExtensions && Supports(SerprogNanoOpcode.SpiOperationWaitRun);

        /// <summary>
        /// Queues an O_NANO_SPIOP_WAIT_RUN: <paramref name="operations"/> holds operations of <paramref name="operationLength"/>
        /// bytes each, which the device runs in order as <see cref="QueueSpiOperationWait"/> runs one, stopping at the first
        /// that times out. Its 3-byte reply (completed, outcome, last status) lands in <paramref name="reply"/> by the time
        /// <see cref="Flush"/> returns.
        /// </summary>
        public void QueueSpiOperationWaitRun(byte writeEnable, ReadOnlySpan<byte> operations, int operationLength, byte statusOpcode, byte mask, int timeoutMs, Memory<byte> reply, string? label = null)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(operationLength, 1);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(operationLength, SerprogNanoExtensions.MaxWaitRunOperationLength);
            int count = operations.Length / operationLength;
            if (count < 1 || count > SerprogNanoExtensions.MaxWaitRunCount || count * operationLength != operations.Length)
            {
                throw new ArgumentException("A run holds 1 to " + SerprogNanoExtensions.MaxWaitRunCount + " operations of " + operationLength + " bytes, not " + operations.Length + " bytes.", nameof(operations));
            }

            ArgumentOutOfRangeException.ThrowIfGreaterThan(operations.Length, MaxWriteLength, nameof(operations));
            ArgumentOutOfRangeException.ThrowIfNegative(timeoutMs);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(timeoutMs, 0xFFFF);
            SerprogNanoFrames.WriteWaitRunParameters(_extensionParameters, 0, writeEnable, statusOpcode, mask, timeoutMs, operationLength, count);
            RequireExtensions(SerprogNanoOpcode.SpiOperationWaitRun);
            Send(SerprogNanoOpcode.SpiOperationWaitRun, _extensionParameters.AsSpan(0, SerprogNanoExtensions.WaitRunParameterLength), operations, SerprogCommandTable.ReplyLength(SerprogNanoOpcode.SpiOperationWaitRun), reply, label);
        }

        /// <summary>
        /// Queues an O_NANO_CRC32 of <paramref name="blocks"/> consecutive blocks read with <paramref name="readOpcode"/>
        /// (no dummy cycles) at <paramref name="addressBytes"/>-byte addresses; 4 bytes per block land in <paramref name="crcs"/>.
        /// </summary>
        public void QueueFlashCrc32(byte readOpcode, int addressBytes, long start, int blockLength, int blocks, Memory<byte> crcs)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(blockLength, 1);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(blockLength, SerprogNanoExtensions.MaxCrcBlockLength);
            ArgumentOutOfRangeException.ThrowIfLessThan(blocks, 1);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(blocks, SerprogNanoExtensions.MaxCrcBlockCount);
            SerprogNanoFrames.WriteCrcParameters(_extensionParameters, 0, readOpcode, addressBytes, (uint)start, blockLength, blocks);
            RequireExtensions(SerprogNanoOpcode.FlashCrc32);
            Send(SerprogNanoOpcode.FlashCrc32, _extensionParameters.AsSpan(0, SerprogNanoExtensions.CrcParameterLength), ReadOnlySpan<byte>.Empty, SerprogNanoFrames.CrcReplyLength(blocks), crcs, "CRC-32 of " + blocks + " x " + blockLength + " bytes at 0x" + start.ToString("X6"));
        }

        /// <summary>Whether the programmer can move its line to another rate (O_NANO_SET_BAUD; only a SerprogNano firmware on a UART).</summary>
        public bool HasBaudRateChange => SerprogNanoExtensions.IsSerprogNanoName(ProgrammerName) && Supports(SerprogNanoOpcode.SetBaudRate);

        /// <summary>Whether the programmer also runs O_NANO_READ_SPARSE; older SerprogNano firmware has only O_NANO_CRC32.</summary>
        public bool HasSparseReads => HasExtensions && Supports(SerprogNanoOpcode.SparseRead);

        /// <summary>
        /// Queues an O_NANO_READ_SPARSE of <paramref name="destination"/>.Length / <paramref name="pieceLength"/> pieces read with
        /// <paramref name="readOpcode"/> (no dummy cycles) at <paramref name="addressBytes"/>-byte addresses: by the time
        /// <see cref="Flush"/> returns, the pieces the device carried are in <paramref name="destination"/>, each checked
        /// against its CRC-32, and the erased ones are 0xFF. The returned reply counts the erased pieces.
        /// </summary>
        public SparseReadReply QueueSparseRead(byte readOpcode, int addressBytes, long start, int pieceLength, Memory<byte> destination)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(pieceLength, 1);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(pieceLength, SerprogNanoExtensions.MaxSparsePieceLength);
            int pieces = destination.Length / pieceLength;
            ArgumentOutOfRangeException.ThrowIfLessThan(pieces, 1);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(pieces, SerprogNanoExtensions.MaxCrcBlockCount);
            ArgumentOutOfRangeException.ThrowIfNotEqual(destination.Length % pieceLength, 0);
            SerprogNanoFrames.WriteCrcParameters(_extensionParameters, 0, readOpcode, addressBytes, (uint)start, pieceLength, pieces);
            RequireExtensions(SerprogNanoOpcode.SparseRead);
            string label = "read " + destination.Length + " bytes at 0x" + start.ToString("X6") + " in pieces of " + pieceLength + ", erased ones left off";
            var reply = new SparseReadReply(destination, pieceLength, PendingCommand.Describe(SerprogNanoOpcode.SparseRead, label));
            Send(SerprogNanoOpcode.SparseRead, _extensionParameters.AsSpan(0, SerprogNanoExtensions.CrcParameterLength), ReadOnlySpan<byte>.Empty, 0, Memory<byte>.Empty, label, reply.Read);
            return reply;
        }

        /// <summary>Runs <paramref name="operation"/> with the reply time-out raised by <paramref name="extra"/>: for device-side work that takes long.</summary>
        public void WithLongerReplies(TimeSpan extra, Action operation)
        {
            TimeSpan normal = _transport.ReadTimeout;
            _transport.ReadTimeout = normal + extra;
            try
            {
                operation();
            }
            finally
            {
                _transport.ReadTimeout = normal;
            }
        }

        private void RequireExtensions(byte opcode)
        {
            if (!HasExtensions || !Supports(opcode))
            {
                throw Unsupported(opcode, "it is a SerprogNano extension this programmer does not offer");
            }
        }

        /// <summary>Waits until every queued command is answered.</summary>
        public void Flush()
        {
            try
            {
                _pipeline.Flush();
            }
            catch (SerprogException)
            {
                _outOfStep = true;
                throw;
            }
            catch (TransportClosedException e)
            {
                _outOfStep = true;
                throw new SerprogException("link", "The link to " + _transport.Description + " closed: " + e.Message, e);
            }
        }

        public void Dispose()
        {
            if (_disposed)
            {
                return;
            }

            try
            {
                if (_pinsDriven && Supports(SerprogOpcode.SetPinState))
                {
                    // Hand the flash back to the board, as flashprog does at exit, if the link still lives:
                    // after a failure one SYNCNOP tells, so a dead link does not hold up the exit.
                    if (_outOfStep)
                    {
                        Synchronize(1);
                    }

                    SetPinState(false);
                }
            }
            catch (SerprogException)
            {
                // The link is gone; nothing more to release.
            }
            finally
            {
                _disposed = true;
                _transport.Dispose();
            }
        }

        private void Start()
        {
            if (_options.BaudRate is int rate)
            {
                BaudRateChange.Synchronize(this, rate);
            }
            else
            {
                Synchronize();
            }

            InterfaceVersion = QueryInterface();
            if (InterfaceVersion != SerprogLimits.InterfaceVersion)
            {
                throw new SerprogException("Q_IFACE", "The programmer speaks serprog interface version " + InterfaceVersion + "; only version 1 exists.");
            }

            _commandMap = QueryCommandMap();
            Require(SerprogOpcode.QueryBusType, "it cannot say which buses it drives");
            Require(SerprogOpcode.SetBusType, "it cannot be switched to SPI");
            Require(SerprogOpcode.SpiOperation, "it has no SPI operation");
            SupportedBusTypes = QueryBusType();
            if ((SupportedBusTypes & BusType.Spi) == 0)
            {
                throw new SerprogException("Q_BUSTYPE", "The programmer drives no SPI bus (bus types 0x" + SupportedBusTypes.ToString("X2") + ").");
            }

            SetBusType(BusType.Spi);
            if (Supports(SerprogOpcode.QueryProgrammerName))
            {
                ProgrammerName = QueryProgrammerName();
            }

            MaxWriteLength = QueryLimitOrDefault(SerprogOpcode.QueryWriteNMaxLength);
            MaxReadLength = QueryLimitOrDefault(SerprogOpcode.QueryReadNMaxLength);
            int? serialBuffer = null;
            if (Supports(SerprogOpcode.QuerySerialBuffer))
            {
                serialBuffer = Math.Max(1, QuerySerialBuffer());
                SerialBufferSize = serialBuffer.Value;
                SerialBufferReported = true;
            }
            else
            {
                _warnings.Add("The programmer does not report its serial buffer (Q_SERBUF): every command waits for its reply.");
            }

            // A device's advertised limits are claims: the table, built from each firmware's source, decides.
            Driving = _options.Firmwares.Choose(ProgrammerName, _commandMap, serialBuffer, MaxWriteLength, MaxReadLength);
            _pipeline.SerialBufferSize = Driving.SendAheadBytes;
            MaxWriteLength = Driving.MaxWriteLength;
            MaxReadLength = Driving.MaxReadLength;
            WarnUnreportedLimit(SerprogOpcode.QueryWriteNMaxLength, MaxWriteLength);
            WarnUnreportedLimit(SerprogOpcode.QueryReadNMaxLength, MaxReadLength);
            ApplyRequestedFrequency();
            ApplyRequestedChipSelect();

            // Before the pins are driven: a fall-back's bytes at a rate the device has left must not meet a driven bus.
            if (_options.BaudRate is int baud && BaudRateChange.Apply(this, _pipeline, baud) is string notChanged)
            {
                _warnings.Add(notChanged);
            }

            if (Supports(SerprogOpcode.SetPinState))
            {
                SetPinState(true);
            }
        }

        private int QueryLimitOrDefault(byte opcode)
        {
            if (Supports(opcode))
            {
                return opcode == SerprogOpcode.QueryWriteNMaxLength ? QueryMaxWriteLength() : QueryMaxReadLength();
            }

            return SerprogLimits.MaxLength24;
        }

        private void WarnUnreportedLimit(byte opcode, int limit)
        {
            if (!Supports(opcode))
            {
                string name = SerprogCommandTable.NameOf(opcode);
                _warnings.Add("The programmer does not report " + name + ": " + (limit < SerprogLimits.MaxLength24 ? "its firmware's profile limits it to " + limit + " bytes." : "assuming no limit (2^24 bytes)."));
            }
        }

        private void ApplyRequestedFrequency()
        {
            if (_options.SpiFrequency is not uint hz)
            {
                return;
            }

            if (Supports(SerprogOpcode.SetSpiFrequency))
            {
                SetSpiFrequency(hz);
            }
            else
            {
                _warnings.Add("The programmer cannot set the SPI clock (S_SPI_FREQ): it runs at its own default.");
            }
        }

        private void ApplyRequestedChipSelect()
        {
            if (_options.ChipSelect is not byte index)
            {
                return;
            }

            if (Supports(SerprogOpcode.SetSpiChipSelect))
            {
                SetChipSelect(index);
            }
            else if (Driving.Avoid.TryGetValue(SerprogOpcode.SetSpiChipSelect, out string? why))
            {
                if (index != 0)
                {
                    throw new SerprogUnsupportedCommandException("S_SPI_CS", "Chip select " + index + " cannot be chosen on this programmer: S_SPI_CS is not sent to " + Driving.Profile!.Title + " because " + why + ".");
                }

                _warnings.Add("S_SPI_CS is not sent to " + Driving.Profile!.Title + " (" + why + "): it uses chip select 0.");
            }
            else if (index == 0)
            {
                _warnings.Add("The programmer cannot choose a chip select (S_SPI_CS): using its only one.");
            }
            else
            {
                throw Unsupported(SerprogOpcode.SetSpiChipSelect, "chip select " + index + " cannot be chosen");
            }
        }

        private void Require(byte opcode, string consequence)
        {
            if (!Supports(opcode))
            {
                throw Unsupported(opcode, consequence);
            }
        }

        private SerprogUnsupportedCommandException Unsupported(byte opcode, string consequence)
        {
            string name = SerprogCommandTable.NameOf(opcode);
            return new SerprogUnsupportedCommandException(name, "The programmer does not support " + name + ": " + consequence + ".");
        }

        /// <summary>
        /// A command whose parameters wait in <see cref="_parameters"/> and whose short reply lands in <see cref="_reply"/>;
        /// waits for it. Both lengths come from the protocol's table.
        /// </summary>
        private void Command(byte opcode)
        {
            int parameterLength = SerprogCommandTable.ParameterLength(opcode);
            int replyLength = SerprogCommandTable.ReplyLength(opcode);
            // Q_IFACE and Q_CMDMAP come before the map is known; every serprog device has them.
            bool mapKnown = _commandMap != null;
            if (mapKnown && !Supports(opcode))
            {
                throw Unsupported(opcode, "the command was not sent");
            }

            Send(opcode, _parameters.AsSpan(0, parameterLength), ReadOnlySpan<byte>.Empty, replyLength, _reply.AsMemory(0, replyLength), null);
            Flush();
        }

        private void Send(byte opcode, ReadOnlySpan<byte> parameters, ReadOnlySpan<byte> data, int replyLength, Memory<byte> destination, string? label, ReplyReader? reader = null)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_outOfStep)
            {
                // An earlier failure left replies unread; SYNCNOP puts the link back in step first.
                Synchronize();
            }

            try
            {
                _pipeline.Enqueue(opcode, parameters, data, replyLength, destination, label, reader);
            }
            catch (SerprogException)
            {
                _outOfStep = true;
                throw;
            }
            catch (TransportTimeoutException e)
            {
                _outOfStep = true;
                string command = PendingCommand.Describe(opcode, label);
                throw new SerprogTimeoutException(command, "The programmer did not take " + command + ": " + e.Message, e);
            }
            catch (TransportClosedException e)
            {
                _outOfStep = true;
                string command = PendingCommand.Describe(opcode, label);
                throw new SerprogException(command, "The link closed while sending " + command + ": " + e.Message, e);
            }
        }

        private bool TrySyncNop(bool exact)
        {
            _pipeline.SendRaw(new[] { SerprogOpcode.SyncNop });
            long deadline = Environment.TickCount64 + (long)_options.SyncTimeout.TotalMilliseconds;
            try
            {
                byte first = _pipeline.ReceiveRaw();
                while (!exact && first != SerprogReply.Nak && Environment.TickCount64 < deadline)
                {
                    first = _pipeline.ReceiveRaw(); // Stray bytes: answers to commands of an earlier session.
                }

                return first == SerprogReply.Nak && _pipeline.ReceiveRaw() == SerprogReply.Ack;
            }
            catch (TransportTimeoutException)
            {
                return false;
            }
        }
    }
}
