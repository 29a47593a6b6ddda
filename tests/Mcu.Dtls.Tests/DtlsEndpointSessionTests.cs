using Mcu.Dtls.Records;
using Mcu.Dtls.Tests.Support;

namespace Mcu.Dtls.Tests;

/// <summary>Retransmission of the final flight, early epoch-1 records, replay and forgery around and after the handshake.</summary>
public sealed class DtlsEndpointSessionTests
{
    [Fact]
    public void The_server_repeats_its_final_flight_when_the_client_repeats_its_Finished()
    {
        using var pair = new EndpointPair();
        int serverDatagrams = 0;
        var network = new VirtualNetwork
        {
            // Lose the server's first ChangeCipherSpec + Finished: only the client has a timer to recover it.
            Tamper = (from, data) => from == pair.Server && ++serverDatagrams == 2 ? null : data,
        };

        Assert.True(pair.Run(network, TimeSpan.FromSeconds(10)), DtlsEndpointTests.Describe(pair));

        Assert.Equal(1, pair.Client.Counters.Retransmissions);
        Assert.Equal(1, pair.Server.Counters.Retransmissions);
        Assert.Equal(TimeSpan.FromMilliseconds(1040), network.Now);
    }

    [Fact]
    public void A_Finished_that_overtakes_its_ChangeCipherSpec_is_held_and_used()
    {
        using var pair = new EndpointPair();
        pair.Client.Start(TimeSpan.Zero);
        DatagramParts.Forward(pair.Client, pair.Server, TimeSpan.Zero);
        DatagramParts.Forward(pair.Server, pair.Client, TimeSpan.Zero);
        List<byte[]> records = DatagramParts.Records(Assert.Single(DatagramParts.Poll(pair.Client)));
        byte[] finished = records[^1];
        Assert.Equal(1, finished[4]);

        pair.Server.HandleDatagram(TimeSpan.Zero, finished);
        Assert.Equal(DtlsState.Handshaking, pair.Server.State);
        foreach (byte[] record in records.Take(records.Count - 1))
        {
            pair.Server.HandleDatagram(TimeSpan.Zero, record);
        }

        Assert.Equal(DtlsState.Connected, pair.Server.State);
        Assert.Equal(0, pair.Server.Counters.UnexpectedEpochRecords);
        DatagramParts.Forward(pair.Server, pair.Client, TimeSpan.Zero);
        Assert.Equal(DtlsState.Connected, pair.Client.State);
    }

    [Fact]
    public void An_early_ChangeCipherSpec_is_dropped_and_the_retransmitted_flight_recovers()
    {
        using var pair = new EndpointPair();
        pair.Client.Start(TimeSpan.Zero);
        DatagramParts.Forward(pair.Client, pair.Server, TimeSpan.Zero);
        DatagramParts.Forward(pair.Server, pair.Client, TimeSpan.Zero);
        byte[] flight = Assert.Single(DatagramParts.Poll(pair.Client));
        List<byte[]> records = DatagramParts.Records(flight);

        // Certificate and ClientKeyExchange arrive, CertificateVerify is lost, ChangeCipherSpec comes too early.
        pair.Server.HandleDatagram(TimeSpan.Zero, [.. records[0], .. records[1], .. records[3]]);
        Assert.Equal(1, pair.Server.Counters.UnexpectedMessages);

        pair.Server.HandleDatagram(TimeSpan.Zero, flight);
        Assert.Equal(DtlsState.Connected, pair.Server.State);
    }

    [Fact]
    public void A_replayed_or_forged_epoch_1_record_is_dropped_without_a_reply()
    {
        using var pair = new EndpointPair();
        var network = new VirtualNetwork();
        Assert.True(pair.Run(network, TimeSpan.FromSeconds(5)));
        byte[] finished = DatagramParts.Records(network.Sent[pair.Client][^1])[^1];
        byte[] forged = (byte[])finished.Clone();
        forged[10] ^= 0x55;

        pair.Server.HandleDatagram(network.Now, finished);
        pair.Server.HandleDatagram(network.Now, forged);

        Assert.Equal(1, pair.Server.Counters.ReplayedRecords);
        Assert.Equal(1, pair.Server.Counters.UndecryptableRecords);
        Assert.Empty(DatagramParts.Poll(pair.Server));
        Assert.Equal(DtlsState.Connected, pair.Server.State);
    }

    [Fact]
    public void Plaintext_alerts_cannot_end_a_connected_session()
    {
        using var pair = new EndpointPair();
        Assert.True(pair.Run(new VirtualNetwork(), TimeSpan.FromSeconds(5)));

        pair.Client.HandleDatagram(TimeSpan.FromSeconds(1), [21, 0xFE, 0xFD, 0, 0, 0, 0, 0, 0, 0, 9, 0, 2, 2, 40]);

        Assert.Equal(DtlsState.Connected, pair.Client.State);
        Assert.Equal(1, pair.Client.Counters.UnexpectedEpochRecords);
    }

    [Fact]
    public void Our_alerts_after_the_handshake_are_encrypted()
    {
        using var pair = new EndpointPair();
        Assert.True(pair.Run(new VirtualNetwork(), TimeSpan.FromSeconds(5)));

        pair.Server.Close();
        byte[] closeNotify = Assert.Single(DatagramParts.Poll(pair.Server));

        Assert.True(DtlsRecord.TryRead(closeNotify, out DtlsRecord record, out _));
        Assert.Equal(ContentType.Alert, record.Type);
        Assert.Equal(1, record.Epoch);
        Assert.Equal(2 + AeadRecordProtection.Overhead, record.Fragment.Length);
        pair.Client.HandleDatagram(TimeSpan.FromSeconds(1), closeNotify);
        Assert.Equal(DtlsState.Closed, pair.Client.State);
    }
}
