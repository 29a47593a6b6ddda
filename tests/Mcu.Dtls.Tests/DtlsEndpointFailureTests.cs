using Mcu.Srtp;
using Mcu.Dtls.Tests.Support;

namespace Mcu.Dtls.Tests;

public sealed class DtlsEndpointFailureTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(200);

    [Fact]
    public void A_server_refuses_a_client_certificate_that_does_not_match_the_SDP_fingerprint()
    {
        using var pair = new EndpointPair();
        pair.Server.SetRemoteFingerprint(TestCertificates.Stranger.Fingerprint);

        pair.Run(new VirtualNetwork(), Limit, BothSettled(pair));

        Assert.Equal(DtlsState.Failed, pair.Server.State);
        Assert.Contains("fingerprint", pair.Server.FailureReason, StringComparison.Ordinal);
        Assert.Contains(TestCertificates.Client.Fingerprint.ToString(), pair.Server.FailureReason, StringComparison.Ordinal);
        Assert.Contains(TestCertificates.Stranger.Fingerprint.ToString(), pair.Server.FailureReason, StringComparison.Ordinal);
        Assert.Contains("sent bad_certificate", pair.Server.FailureReason, StringComparison.Ordinal);
        Assert.Equal(DtlsState.Failed, pair.Client.State);
        Assert.Equal("the peer sent fatal alert bad_certificate (42)", pair.Client.FailureReason);
    }

    [Fact]
    public void A_client_refuses_a_server_certificate_that_does_not_match_the_SDP_fingerprint()
    {
        using var pair = new EndpointPair();
        pair.Client.SetRemoteFingerprint(TestCertificates.Stranger.Fingerprint);

        pair.Run(new VirtualNetwork(), Limit, BothSettled(pair));

        Assert.Equal(DtlsState.Failed, pair.Client.State);
        Assert.Contains("does not match the remote SDP fingerprint", pair.Client.FailureReason, StringComparison.Ordinal);
        Assert.Equal(DtlsState.Failed, pair.Server.State);
        Assert.Equal("the peer sent fatal alert bad_certificate (42)", pair.Server.FailureReason);
    }

    [Fact]
    public void A_fingerprint_that_arrives_late_and_does_not_match_fails_the_finished_handshake()
    {
        using var pair = new EndpointPair(exchangeFingerprints: false);
        var network = new VirtualNetwork();
        pair.Run(network, Limit);
        pair.Client.SetRemoteFingerprint(TestCertificates.Server.Fingerprint);
        Assert.Equal(DtlsState.Connected, pair.Client.State);

        pair.Server.SetRemoteFingerprint(TestCertificates.Stranger.Fingerprint);
        network.Drain(pair.Server, pair.Client);
        pair.Run(network, Limit, BothSettled(pair));

        Assert.Equal(DtlsState.Failed, pair.Server.State);
        Assert.Contains("fingerprint", pair.Server.FailureReason, StringComparison.Ordinal);
        Assert.Equal(DtlsState.Failed, pair.Client.State);
        Assert.Equal("the peer sent fatal alert bad_certificate (42)", pair.Client.FailureReason);
    }

    [Fact]
    public void Without_a_common_SRTP_profile_the_server_fails_with_handshake_failure()
    {
        using var pair = new EndpointPair(new DtlsOptions { SrtpProfiles = [SrtpProfile.Aes128CmHmacSha1Tag80] }, new DtlsOptions { SrtpProfiles = [SrtpProfile.AeadAes128Gcm] });

        pair.Run(new VirtualNetwork(), Limit, BothSettled(pair));

        Assert.Equal("no common SRTP protection profile (sent handshake_failure)", pair.Server.FailureReason);
        Assert.Equal("the peer sent fatal alert handshake_failure (40)", pair.Client.FailureReason);
    }

    [Fact]
    public void A_client_without_an_answer_backs_off_exponentially_then_gives_up()
    {
        var options = new DtlsOptions
        {
            InitialRetransmitTimeout = TimeSpan.FromMilliseconds(100),
            MaxRetransmitTimeout = TimeSpan.FromMilliseconds(1000),
            MaxRetransmissions = 5,
        };
        using var client = new DtlsEndpoint(DtlsRole.Client, TestCertificates.Client, options);
        client.Start(TimeSpan.Zero);
        var sends = new List<TimeSpan> { TimeSpan.Zero };
        Assert.Single(DatagramParts.Poll(client));

        while (client.NextTimeout is { } deadline)
        {
            client.HandleTimeout(deadline - TimeSpan.FromTicks(1));
            Assert.Empty(DatagramParts.Poll(client));
            client.HandleTimeout(deadline);
            if (DatagramParts.Poll(client).Count == 1)
            {
                sends.Add(deadline);
            }
        }

        double[] expected = [0, 100, 300, 700, 1500, 2500];
        Assert.Equal(expected, sends.Select(t => t.TotalMilliseconds).ToArray());
        Assert.Equal(DtlsState.Failed, client.State);
        Assert.Equal("handshake timed out: no answer after 5 retransmissions", client.FailureReason);
        Assert.Equal(5, client.Counters.Retransmissions);
    }

    [Fact]
    public void A_server_whose_flight_goes_unanswered_gives_up_too()
    {
        var options = new DtlsOptions { InitialRetransmitTimeout = TimeSpan.FromMilliseconds(50), MaxRetransmissions = 3 };
        using var client = new DtlsEndpoint(DtlsRole.Client, TestCertificates.Client);
        using var server = new DtlsEndpoint(DtlsRole.Server, TestCertificates.Server, options);
        client.Start(TimeSpan.Zero);
        DatagramParts.Forward(client, server, TimeSpan.Zero);

        while (server.NextTimeout is { } deadline)
        {
            server.HandleTimeout(deadline);
        }

        Assert.Equal(4, DatagramParts.Poll(server).Count);
        Assert.Equal(DtlsState.Failed, server.State);
        Assert.Contains("timed out", server.FailureReason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_fatal_alert_from_the_peer_fails_the_handshake_naming_the_alert()
    {
        using var client = new DtlsEndpoint(DtlsRole.Client, TestCertificates.Client);
        client.Start(TimeSpan.Zero);

        client.HandleDatagram(TimeSpan.Zero, [21, 0xFE, 0xFD, 0, 0, 0, 0, 0, 0, 0, 1, 0, 2, 2, 71]);

        Assert.Equal(DtlsState.Failed, client.State);
        Assert.Equal("the peer sent fatal alert insufficient_security (71)", client.FailureReason);
        Assert.Null(client.NextTimeout);
    }

    [Fact]
    public void Close_notify_before_the_handshake_completed_is_a_failure_and_a_warning_is_ignored()
    {
        using var client = new DtlsEndpoint(DtlsRole.Client, TestCertificates.Client);
        client.Start(TimeSpan.Zero);
        DatagramParts.Poll(client);

        client.HandleDatagram(TimeSpan.Zero, [21, 0xFE, 0xFD, 0, 0, 0, 0, 0, 0, 0, 1, 0, 2, 1, 90]);
        Assert.Equal(DtlsState.Handshaking, client.State);
        Assert.Equal(1, client.Counters.WarningAlerts);

        client.HandleDatagram(TimeSpan.Zero, [21, 0xFE, 0xFD, 0, 0, 0, 0, 0, 0, 0, 2, 0, 2, 1, 0]);
        Assert.Equal(DtlsState.Failed, client.State);
        Assert.Contains("close_notify", client.FailureReason, StringComparison.Ordinal);
        Assert.Equal(((byte)1, (byte)0), DatagramParts.PlaintextAlert(Assert.Single(DatagramParts.Poll(client))));
    }

    [Theory]
    [InlineData("dtls10", "DTLS 1.2 is required", 70)]
    [InlineData("no-srtp", "no use_srtp extension", 40)]
    [InlineData("rsa-only", "no common cipher suite", 40)]
    [InlineData("no-groups", "no common ECDHE group", 40)]
    [InlineData("no-ecdsa", "ecdsa_secp256r1_sha256", 40)]
    [InlineData("compression", "null compression", 47)]
    public void A_server_refuses_ClientHellos_it_cannot_serve(string variant, string reason, byte alert)
    {
        HelloBuilder hello = variant switch
        {
            "dtls10" => new HelloBuilder { Version = 0xFEFF }.WithBrowserExtensions(7),
            "rsa-only" => new HelloBuilder { CipherSuites = [0xC02F, 0x009C] }.WithBrowserExtensions(7),
            "compression" => new HelloBuilder { CompressionMethods = [1] }.WithBrowserExtensions(7),
            "no-groups" => new HelloBuilder().Extension(10, 0, 2, 0, 24).Extension(14, 0, 2, 0, 7, 0),
            "no-ecdsa" => new HelloBuilder().Extension(13, 0, 2, 8, 4).Extension(14, 0, 2, 0, 7, 0),
            _ => new HelloBuilder().Extension(23),
        };
        using var server = new DtlsEndpoint(DtlsRole.Server, TestCertificates.Server);

        server.HandleDatagram(TimeSpan.Zero, HelloBuilder.Record(1, hello.Build()));

        Assert.Equal(DtlsState.Failed, server.State);
        Assert.Contains(reason, server.FailureReason, StringComparison.Ordinal);
        Assert.Equal(((byte)2, alert), DatagramParts.PlaintextAlert(Assert.Single(DatagramParts.Poll(server))));
    }

    [Theory]
    [InlineData(11, new byte[] { 0, 0, 0 })]
    [InlineData(16, new byte[] { 32, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32 })]
    public void A_server_requires_the_client_certificate(byte firstMessageType, byte[] body)
    {
        using var server = new DtlsEndpoint(DtlsRole.Server, TestCertificates.Server);
        server.HandleDatagram(TimeSpan.Zero, HelloBuilder.Record(1, new HelloBuilder().WithBrowserExtensions(7).Build()));
        Assert.NotEmpty(DatagramParts.Poll(server));

        server.HandleDatagram(TimeSpan.Zero, HelloBuilder.Record(firstMessageType, body, messageSequence: 1, recordSequence: 1));

        Assert.Equal(DtlsState.Failed, server.State);
        Assert.Contains("sent no certificate", server.FailureReason, StringComparison.Ordinal);
    }

    private static Func<bool> BothSettled(EndpointPair pair) =>
        () => pair.Client.State is DtlsState.Failed or DtlsState.Closed && pair.Server.State is DtlsState.Failed or DtlsState.Closed;
}
