using Mcu.Srtp;
using Mcu.Dtls.Tests.Support;

namespace Mcu.Dtls.Tests;

public sealed class DtlsEndpointTests
{
    [Theory]
    [InlineData(new SrtpProfile[] { SrtpProfile.AeadAes128Gcm, SrtpProfile.Aes128CmHmacSha1Tag80 }, new SrtpProfile[] { SrtpProfile.AeadAes128Gcm, SrtpProfile.Aes128CmHmacSha1Tag80 }, SrtpProfile.AeadAes128Gcm, 56)]
    [InlineData(new SrtpProfile[] { SrtpProfile.Aes128CmHmacSha1Tag80 }, new SrtpProfile[] { SrtpProfile.AeadAes128Gcm, SrtpProfile.Aes128CmHmacSha1Tag80 }, SrtpProfile.Aes128CmHmacSha1Tag80, 60)]
    [InlineData(new SrtpProfile[] { SrtpProfile.AeadAes128Gcm, SrtpProfile.Aes128CmHmacSha1Tag80 }, new SrtpProfile[] { SrtpProfile.Aes128CmHmacSha1Tag80 }, SrtpProfile.Aes128CmHmacSha1Tag80, 60)]
    [InlineData(new SrtpProfile[] { SrtpProfile.AeadAes128Gcm, SrtpProfile.Aes128CmHmacSha1Tag80 }, new SrtpProfile[] { SrtpProfile.Aes128CmHmacSha1Tag80, SrtpProfile.AeadAes128Gcm }, SrtpProfile.Aes128CmHmacSha1Tag80, 60)]
    public void Client_and_server_agree_on_the_profile_and_export_the_same_keying_material(
        SrtpProfile[] clientProfiles, SrtpProfile[] serverProfiles, SrtpProfile expectedProfile, int expectedLength)
    {
        using var pair = new EndpointPair(new DtlsOptions { SrtpProfiles = clientProfiles }, new DtlsOptions { SrtpProfiles = serverProfiles });

        Assert.True(pair.Run(new VirtualNetwork(), TimeSpan.FromSeconds(5)), Describe(pair));

        Assert.Equal(expectedProfile, pair.Client.SrtpProfile);
        Assert.Equal(expectedProfile, pair.Server.SrtpProfile);
        byte[] keyingMaterial = pair.Client.GetSrtpKeyingMaterial();
        Assert.Equal(expectedLength, keyingMaterial.Length);
        Assert.Equal(keyingMaterial, pair.Server.GetSrtpKeyingMaterial());
        Assert.Equal(0xC02B, pair.Client.CipherSuite);
        Assert.True(pair.Client.UsesExtendedMasterSecret && pair.Server.UsesExtendedMasterSecret);
    }

    [Fact]
    public void Each_side_sends_with_the_keys_the_other_receives_with()
    {
        using var pair = new EndpointPair();
        Assert.True(pair.Run(new VirtualNetwork(), TimeSpan.FromSeconds(5)), Describe(pair));

        SrtpKeys client = pair.Client.GetSrtpKeys();
        SrtpKeys server = pair.Server.GetSrtpKeys();

        Assert.Equal(client.Local.Key.ToArray(), server.Remote.Key.ToArray());
        Assert.Equal(client.Local.Salt.ToArray(), server.Remote.Salt.ToArray());
        Assert.Equal(server.Local.Key.ToArray(), client.Remote.Key.ToArray());
        Assert.NotEqual(client.Local.Key.ToArray(), client.Remote.Key.ToArray());
    }

    [Fact]
    public void The_handshake_takes_two_round_trips_with_one_datagram_per_flight()
    {
        using var pair = new EndpointPair();
        var network = new VirtualNetwork();

        Assert.True(pair.Run(network, TimeSpan.FromSeconds(5)), Describe(pair));

        // No HelloVerifyRequest round trip: ClientHello, flight 4, flight 5, flight 6 at 10 ms each way.
        Assert.Equal(TimeSpan.FromMilliseconds(40), network.Now);
        Assert.Equal(2, network.Sent[pair.Client].Count);
        Assert.Equal(2, network.Sent[pair.Server].Count);
        Assert.Null(pair.Client.NextTimeout);
        Assert.Null(pair.Server.NextTimeout);
    }

    [Fact]
    public void A_small_MTU_fragments_every_flight_to_fit()
    {
        var options = new DtlsOptions { Mtu = 150 };
        using var pair = new EndpointPair(options, options);
        var network = new VirtualNetwork();

        Assert.True(pair.Run(network, TimeSpan.FromSeconds(5)), Describe(pair));

        Assert.All(network.Sent.Values.SelectMany(d => d), d => Assert.InRange(d.Length, 1, 150));
        Assert.True(network.Sent[pair.Server].Count > 5);
        Assert.Equal(pair.Client.GetSrtpKeyingMaterial(), pair.Server.GetSrtpKeyingMaterial());
    }

    [Fact]
    public void A_server_answers_a_ClientHello_that_arrives_before_Start()
    {
        using var pair = new EndpointPair();
        pair.Client.Start(TimeSpan.Zero);
        byte[] buffer = new byte[1500];
        Assert.True(pair.Client.TryPollDatagram(buffer, out int length));

        pair.Server.HandleDatagram(TimeSpan.Zero, buffer.AsSpan(0, length));

        Assert.Equal(DtlsState.Handshaking, pair.Server.State);
        Assert.True(pair.Server.TryPollDatagram(buffer, out _));
        Assert.Equal(TimeSpan.FromSeconds(1), pair.Server.NextTimeout);
    }

    [Fact]
    public void A_client_ignores_datagrams_until_started_and_a_second_Start()
    {
        using var client = new DtlsEndpoint(DtlsRole.Client, TestCertificates.Client);
        client.HandleDatagram(TimeSpan.Zero, [22, 0xFE, 0xFD]);
        Assert.Equal(DtlsState.New, client.State);
        Assert.Equal(1, client.Counters.IgnoredDatagrams);

        client.Start(TimeSpan.Zero);
        client.Start(TimeSpan.FromSeconds(3));

        Assert.Equal(TimeSpan.FromSeconds(1), client.NextTimeout);
        Assert.True(client.TryPollDatagram(new byte[1500], out _));
        Assert.False(client.TryPollDatagram(new byte[1500], out _));
    }

    [Fact]
    public void Fingerprints_may_arrive_after_the_handshake_finished()
    {
        using var pair = new EndpointPair(exchangeFingerprints: false);
        var network = new VirtualNetwork();
        pair.Run(network, TimeSpan.FromSeconds(5));

        Assert.Equal(DtlsState.Handshaking, pair.Client.State);
        Assert.Equal(DtlsState.Handshaking, pair.Server.State);
        Assert.Null(pair.Client.NextTimeout);
        Assert.Throws<InvalidOperationException>(() => pair.Client.GetSrtpKeyingMaterial());

        Assert.True(pair.Client.SetRemoteFingerprint("SHA-256", TestCertificates.Server.Fingerprint.Value));
        pair.Server.SetRemoteFingerprint(TestCertificates.Client.Fingerprint);

        Assert.Equal(DtlsState.Connected, pair.Client.State);
        Assert.Equal(DtlsState.Connected, pair.Server.State);
        Assert.Equal(pair.Client.GetSrtpKeyingMaterial(), pair.Server.GetSrtpKeyingMaterial());
    }

    [Fact]
    public void An_unusable_fingerprint_is_refused()
    {
        using var client = new DtlsEndpoint(DtlsRole.Client, TestCertificates.Client);

        Assert.False(client.SetRemoteFingerprint("md5", new byte[16]));
        Assert.False(client.SetRemoteFingerprint("sha-256", new byte[31]));
        Assert.Null(client.RemoteFingerprint);
    }

    [Fact]
    public void Close_sends_close_notify_and_both_sides_end_closed()
    {
        using var pair = new EndpointPair();
        var network = new VirtualNetwork();
        Assert.True(pair.Run(network, TimeSpan.FromSeconds(5)), Describe(pair));

        pair.Client.Close();
        network.Drain(pair.Client, pair.Server);
        Assert.True(pair.Run(network, TimeSpan.FromSeconds(5), () => pair.Server.State == DtlsState.Closed));

        Assert.Equal(DtlsState.Closed, pair.Client.State);
        Assert.Null(pair.Server.FailureReason);
        pair.Server.HandleDatagram(network.Now, [1, 2, 3]);
        Assert.Equal(1, pair.Server.Counters.IgnoredDatagrams);
    }

    internal static string Describe(EndpointPair pair) =>
        $"client {pair.Client.State} ({pair.Client.FailureReason}), server {pair.Server.State} ({pair.Server.FailureReason})";
}
