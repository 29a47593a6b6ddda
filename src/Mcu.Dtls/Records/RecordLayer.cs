using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using Mcu.Dtls.Handshakes;
using Mcu.Dtls.Messages;

namespace Mcu.Dtls.Records;

/// <summary>
/// Both directions of the DTLS record layer (RFC 6347 section 4.1): epochs and sequence numbers, epoch-1 AES-GCM
/// protection, the anti-replay window, and packing flights into datagrams no larger than the MTU.
/// </summary>
internal sealed class RecordLayer : IDisposable
{
    /// <summary>Below this a fragment is not worth its record header: the message continues in a new datagram.</summary>
    private const int MinFragmentLength = 64;

    private readonly int _mtu;
    private readonly byte[] _datagram;
    private readonly byte[] _plaintext;
    private readonly Queue<(byte[] Buffer, int Length)> _outgoing = new();
    private readonly ulong[] _writeSequence = new ulong[2];
    private int _datagramLength;
    private AeadRecordProtection? _writeProtection;
    private AeadRecordProtection? _nextReadProtection;
    private AeadRecordProtection? _readProtection;
    private ReplayWindow _replayWindow;

    public RecordLayer(int mtu)
    {
        _mtu = mtu;
        _datagram = new byte[mtu];
        _plaintext = new byte[mtu];
    }

    public ushort ReadEpoch { get; private set; }

    public ushort WriteEpoch { get; private set; }

    public int PendingDatagrams => _outgoing.Count;

    /// <summary>Installs the epoch-1 keys once the master secret exists; reading switches only at the peer's ChangeCipherSpec.</summary>
    public void SetEpochOneKeys(AeadRecordProtection write, AeadRecordProtection read)
    {
        _writeProtection = write;
        _nextReadProtection = read;
    }

    public void ActivateNextReadEpoch()
    {
        _readProtection = _nextReadProtection;
        ReadEpoch = 1;
        _replayWindow = default;
    }

    /// <summary>Checks the epoch, replay window and AEAD tag; <paramref name="plaintext"/> points into the record or into <paramref name="buffer"/>.</summary>
    public RecordStatus Open(in DtlsRecord record, Span<byte> buffer, out ReadOnlySpan<byte> plaintext)
    {
        plaintext = default;
        if (record.Epoch != ReadEpoch)
        {
            return ReadEpoch == 0 && record.Epoch == 1 ? RecordStatus.NextEpoch : RecordStatus.WrongEpoch;
        }

        if (ReadEpoch == 0)
        {
            if (record.Fragment.Length > DtlsRecord.MaxPlaintextLength)
            {
                return RecordStatus.Malformed;
            }

            plaintext = record.Fragment;
            return RecordStatus.Opened;
        }

        // Replay protection covers authenticated epochs only: an epoch-0 record can be forged outright, and the
        // handshake layer already discards repeated messages.
        if (_replayWindow.IsReplay(record.SequenceNumber))
        {
            return RecordStatus.Replayed;
        }

        if (!_readProtection!.TryOpen(record, buffer, out int length))
        {
            return RecordStatus.AuthenticationFailed;
        }

        _replayWindow.Accept(record.SequenceNumber);
        plaintext = buffer[..length];
        return RecordStatus.Opened;
    }

    /// <summary>Queues a flight as records with fresh sequence numbers, fragmenting messages to the MTU.</summary>
    public void SendFlight(Flight flight)
    {
        for (int i = 0; i < flight.Count; i++)
        {
            FlightEntry entry = flight[i];
            if (entry.IsChangeCipherSpec)
            {
                AppendRecord(ContentType.ChangeCipherSpec, 0, [1]);
                WriteEpoch = 1;
            }
            else
            {
                AppendHandshakeMessage(entry);
            }
        }

        Flush();
    }

    /// <summary>Queues an alert in the current write epoch, in a datagram of its own.</summary>
    public void SendAlert(AlertLevel level, AlertDescription description)
    {
        AppendRecord(ContentType.Alert, WriteEpoch, [(byte)level, (byte)description]);
        Flush();
    }

    public bool TryPollDatagram(Span<byte> destination, out int length)
    {
        if (!_outgoing.TryPeek(out (byte[] Buffer, int Length) datagram))
        {
            length = 0;
            return false;
        }

        if (destination.Length < datagram.Length)
        {
            ThrowDestinationTooSmall(nameof(destination), destination.Length, datagram.Length);
        }

        _outgoing.Dequeue();
        datagram.Buffer.AsSpan(0, datagram.Length).CopyTo(destination);
        ArrayPool<byte>.Shared.Return(datagram.Buffer);
        length = datagram.Length;
        return true;
    }

    public void Dispose()
    {
        _writeProtection?.Dispose();
        _nextReadProtection?.Dispose();
        while (_outgoing.TryDequeue(out (byte[] Buffer, int Length) datagram))
        {
            ArrayPool<byte>.Shared.Return(datagram.Buffer);
        }
    }

    private void AppendHandshakeMessage(FlightEntry entry)
    {
        int overhead = DtlsRecord.HeaderLength + HandshakeFragment.HeaderLength + (entry.Epoch == 0 ? 0 : AeadRecordProtection.Overhead);
        int offset = 0;
        do
        {
            int remaining = entry.Body.Length - offset;
            int room = _mtu - _datagramLength - overhead;
            if (room < Math.Min(remaining, MinFragmentLength))
            {
                Flush();
                room = _mtu - overhead;
            }

            int length = Math.Min(remaining, room);
            Span<byte> plaintext = _plaintext.AsSpan(0, HandshakeFragment.HeaderLength + length);
            HandshakeFragment.WriteHeader(plaintext, entry.Type, entry.Body.Length, entry.MessageSequence, offset, length);
            entry.Body.AsSpan(offset, length).CopyTo(plaintext[HandshakeFragment.HeaderLength..]);
            AppendRecord(ContentType.Handshake, entry.Epoch, plaintext);
            offset += length;
        }
        while (offset < entry.Body.Length);
    }

    private void AppendRecord(ContentType type, ushort epoch, ReadOnlySpan<byte> plaintext)
    {
        int fragmentLength = epoch == 0 ? plaintext.Length : plaintext.Length + AeadRecordProtection.Overhead;
        if (_datagramLength + DtlsRecord.HeaderLength + fragmentLength > _mtu)
        {
            Flush();
        }

        ulong sequenceNumber = _writeSequence[epoch]++;
        Span<byte> record = _datagram.AsSpan(_datagramLength, DtlsRecord.HeaderLength + fragmentLength);
        DtlsRecord.WriteHeader(record, type, epoch, sequenceNumber, fragmentLength);
        if (epoch == 0)
        {
            plaintext.CopyTo(record[DtlsRecord.HeaderLength..]);
        }
        else
        {
            _writeProtection!.Seal(type, epoch, sequenceNumber, plaintext, record[DtlsRecord.HeaderLength..]);
        }

        _datagramLength += record.Length;
    }

    private void Flush()
    {
        if (_datagramLength == 0)
        {
            return;
        }

        byte[] buffer = ArrayPool<byte>.Shared.Rent(_datagramLength);
        _datagram.AsSpan(0, _datagramLength).CopyTo(buffer);
        _outgoing.Enqueue((buffer, _datagramLength));
        _datagramLength = 0;
    }

    [DoesNotReturn]
    private static void ThrowDestinationTooSmall(string parameterName, int available, int needed) =>
        throw new ArgumentException($"The destination holds {available} bytes but the next datagram has {needed}; size it to the MTU.", parameterName);
}
