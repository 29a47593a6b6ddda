using Mcu.Dtls.Handshakes;
using Mcu.Dtls.Messages;
using Mcu.Dtls.Records;
using Mcu.Dtls.Tests.Support;

namespace Mcu.Dtls.Tests.Records;

public sealed class RecordLayerTests
{
    [Fact]
    public void Packs_a_flight_into_datagrams_no_larger_than_the_MTU_and_fragments_big_messages()
    {
        using var records = new RecordLayer(200);
        byte[] certificate = Enumerable.Range(0, 700).Select(i => (byte)i).ToArray();
        var flight = new Flight();
        flight.AddHandshake(HandshakeType.ServerHello, 0, 0, new byte[70]);
        flight.AddHandshake(HandshakeType.Certificate, 1, 0, certificate);
        flight.AddHandshake(HandshakeType.ServerHelloDone, 2, 0, []);

        records.SendFlight(flight);
        List<byte[]> datagrams = Drain(records);

        Assert.All(datagrams, d => Assert.InRange(d.Length, 1, 200));
        List<CapturedRecords.Fragment> fragments = CapturedRecords.HandshakeFragments(datagrams);
        List<CapturedRecords.Fragment> certificateFragments = fragments.Where(f => f.Type == HandshakeType.Certificate).ToList();
        Assert.True(certificateFragments.Count >= 4);
        Assert.Equal(certificate, certificateFragments.OrderBy(f => f.Offset).SelectMany(f => f.Data).ToArray());
        Assert.Contains(fragments, f => f.Type == HandshakeType.ServerHelloDone && f.MessageLength == 0);
    }

    [Fact]
    public void Puts_ChangeCipherSpec_in_epoch_0_and_what_follows_in_epoch_1_with_fresh_sequence_numbers()
    {
        using var records = new RecordLayer(1200);
        using var key = new AeadRecordProtection(new byte[16], new byte[4]);
        using var unused = new AeadRecordProtection(new byte[16], new byte[4]);
        records.SetEpochOneKeys(key, unused);
        var flight = new Flight();
        flight.AddHandshake(HandshakeType.ClientKeyExchange, 2, 0, new byte[33]);
        flight.AddChangeCipherSpec();
        flight.AddHandshake(HandshakeType.Finished, 3, 1, new byte[12]);

        records.SendFlight(flight);
        records.SendFlight(flight);
        List<byte[]> datagrams = Drain(records);

        Assert.Equal(2, datagrams.Count);
        List<(ContentType Type, ushort Epoch, ulong Sequence)> first = Headers(datagrams[0]);
        List<(ContentType Type, ushort Epoch, ulong Sequence)> second = Headers(datagrams[1]);
        Assert.Equal([(ContentType.Handshake, (ushort)0, 0UL), (ContentType.ChangeCipherSpec, (ushort)0, 1UL), (ContentType.Handshake, (ushort)1, 0UL)], first);
        Assert.Equal([(ContentType.Handshake, (ushort)0, 2UL), (ContentType.ChangeCipherSpec, (ushort)0, 3UL), (ContentType.Handshake, (ushort)1, 1UL)], second);
        Assert.Equal(1, records.WriteEpoch);
    }

    [Fact]
    public void Refuses_to_poll_into_a_buffer_smaller_than_the_datagram()
    {
        using var records = new RecordLayer(1200);
        records.SendAlert(AlertLevel.Warning, AlertDescription.CloseNotify);

        Assert.Throws<ArgumentException>(() => records.TryPollDatagram(new byte[5], out _));
        Assert.True(records.TryPollDatagram(new byte[15], out int length));
        Assert.Equal(15, length);
    }

    [Fact]
    public void Reads_epoch_1_only_after_the_switch_and_drops_replays()
    {
        using var records = new RecordLayer(1200);
        using var write = new AeadRecordProtection(new byte[16], new byte[4]);
        using var read = new AeadRecordProtection(new byte[16], new byte[4]);
        records.SetEpochOneKeys(write, read);
        byte[] sealedRecord = new byte[DtlsRecord.HeaderLength + 2 + AeadRecordProtection.Overhead];
        DtlsRecord.WriteHeader(sealedRecord, ContentType.Alert, 1, 5, 2 + AeadRecordProtection.Overhead);
        write.Seal(ContentType.Alert, 1, 5, [1, 0], sealedRecord.AsSpan(DtlsRecord.HeaderLength));
        Assert.True(DtlsRecord.TryRead(sealedRecord, out DtlsRecord record, out _));
        byte[] buffer = new byte[64];

        Assert.Equal(RecordStatus.NextEpoch, records.Open(record, buffer, out _));
        records.ActivateNextReadEpoch();
        Assert.Equal(RecordStatus.Opened, records.Open(record, buffer, out ReadOnlySpan<byte> plaintext));
        Assert.Equal([1, 0], plaintext.ToArray());
        Assert.Equal(RecordStatus.Replayed, records.Open(record, buffer, out _));
    }

    private static List<byte[]> Drain(RecordLayer records)
    {
        var datagrams = new List<byte[]>();
        byte[] buffer = new byte[2000];
        while (records.TryPollDatagram(buffer, out int length))
        {
            datagrams.Add(buffer.AsSpan(0, length).ToArray());
        }

        return datagrams;
    }

    private static List<(ContentType Type, ushort Epoch, ulong Sequence)> Headers(byte[] datagram)
    {
        var headers = new List<(ContentType, ushort, ulong)>();
        ReadOnlySpan<byte> remaining = datagram;
        while (DtlsRecord.TryRead(remaining, out DtlsRecord record, out int length))
        {
            headers.Add((record.Type, record.Epoch, record.SequenceNumber));
            remaining = remaining[length..];
        }

        Assert.True(remaining.IsEmpty);
        return headers;
    }
}
