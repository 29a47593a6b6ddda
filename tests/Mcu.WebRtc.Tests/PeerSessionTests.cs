using Mcu.Dtls;
using Mcu.Rtp;
using Mcu.Srtp;

namespace Mcu.WebRtc.Tests;

public class PeerSessionTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    [Fact]
    public void Our_client_and_server_connect_and_key_srtp_with_gcm()
    {
        var pair = new PeerPair();
        pair.Start();
        Assert.True(pair.RunUntil(() => pair.BothConnected, Limit));
        Assert.Equal(SrtpProfile.AeadAes128Gcm, pair.Server.Session.SrtpProfile);
        Assert.Equal(SrtpProfile.AeadAes128Gcm, pair.Client.Session.SrtpProfile);
        Assert.Equal([PeerState.Securing, PeerState.Connected], pair.Server.States);
        Assert.Equal([PeerState.Securing, PeerState.Connected], pair.Client.States);
        // The server told its driver which address to route to it: the client's.
        Assert.Equal(PeerPair.ClientAddress.Serialize(), Assert.Single(pair.Server.Bound));
    }

    [Fact]
    public void A_client_offering_only_aes_cm_gets_aes_cm()
    {
        var pair = new PeerPair(clientOptions: new PeerSessionOptions
        {
            Dtls = new DtlsOptions { SrtpProfiles = [SrtpProfile.Aes128CmHmacSha1Tag80] },
        });
        pair.Start();
        Assert.True(pair.RunUntil(() => pair.BothConnected, Limit));
        Assert.Equal(SrtpProfile.Aes128CmHmacSha1Tag80, pair.Server.Session.SrtpProfile);
    }

    [Theory]
    [InlineData(SrtpProfile.AeadAes128Gcm)]
    [InlineData(SrtpProfile.Aes128CmHmacSha1Tag80)]
    public void Rtp_and_rtcp_flow_both_ways_encrypted_on_the_wire(SrtpProfile profile)
    {
        var pair = new PeerPair(clientOptions: new PeerSessionOptions
        {
            Dtls = new DtlsOptions { SrtpProfiles = [profile] },
        });
        pair.Server.Echo = true;
        pair.Start();
        Assert.True(pair.RunUntil(() => pair.BothConnected, Limit));

        var payload = "a frame of video"u8.ToArray();
        var packet = Rtp(seq: 7, ssrc: 2222, payload);
        var buffer = new byte[1500];
        packet.CopyTo(buffer, 0);
        Assert.True(pair.Client.Session.SendRtp(buffer, packet.Length));
        var onWire = pair.Client.Sent[^1];
        Assert.True(onWire.Length > packet.Length, "SRTP adds an authentication tag");
        Assert.DoesNotContain("a frame", System.Text.Encoding.ASCII.GetString(onWire), StringComparison.Ordinal);

        Assert.True(pair.RunUntil(() => pair.Client.Rtp.Count == 1, Limit));
        Assert.Equal(packet, Assert.Single(pair.Server.Rtp));
        Assert.Equal(packet, Assert.Single(pair.Client.Rtp)); // echoed back

        byte[] pli = [0x81, 206, 0x00, 0x02, 0, 0, 0x08, 0xAE, 0, 0, 0x11, 0x5C];
        pli.CopyTo(buffer, 0);
        Assert.True(pair.Client.Session.SendRtcp(buffer, pli.Length));
        Assert.True(pair.RunUntil(() => pair.Server.Rtcp.Count == 1, Limit));
        Assert.Equal(pli, pair.Server.Rtcp[0]);
    }

    [Fact]
    public void The_handshake_completes_under_20_percent_loss_with_reordering_and_duplicates()
    {
        for (var seed = 1; seed <= 20; seed++)
        {
            var pair = new PeerPair(seed, loss: 0.2, duplicate: 0.05, maxDelay: TimeSpan.FromMilliseconds(80));
            pair.Start();
            Assert.True(pair.RunUntil(() => pair.BothConnected, TimeSpan.FromSeconds(120)),
                $"seed {seed}: server {pair.Server.Session.State} ({pair.Server.Session.CloseReason}), client {pair.Client.Session.State} ({pair.Client.Session.CloseReason})");
        }
    }

    [Fact]
    public void A_certificate_that_does_not_match_the_signalled_fingerprint_fails_the_session()
    {
        var pair = new PeerPair(clientLiesAboutFingerprint: true);
        pair.Start();
        Assert.True(pair.RunUntil(() => pair.Server.Session.IsEnded, Limit));
        Assert.Equal(PeerState.Failed, pair.Server.Session.State);
        Assert.Contains("DTLS failed", pair.Server.Session.CloseReason, StringComparison.Ordinal);
        Assert.Contains("fingerprint", pair.Server.Session.CloseReason, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(pair.Server.Rtp);
    }

    [Fact]
    public void A_replayed_srtp_packet_is_dropped()
    {
        var pair = new PeerPair();
        pair.Start();
        Assert.True(pair.RunUntil(() => pair.BothConnected, Limit));
        var buffer = new byte[1500];
        var packet = Rtp(seq: 1, ssrc: 1111, [1, 2, 3]);
        packet.CopyTo(buffer, 0);
        Assert.True(pair.Client.Session.SendRtp(buffer, packet.Length));
        var captured = pair.Client.Sent[^1];
        Assert.True(pair.RunUntil(() => pair.Server.Rtp.Count == 1, Limit));

        pair.Server.Session.HandleDatagram(pair.Now, captured.ToArray(), PeerPair.ClientAddress.Serialize());
        Assert.Single(pair.Server.Rtp);
        Assert.Equal(1, pair.Server.Session.Counters.DroppedSrtp);
    }

    [Fact]
    public void Media_and_dtls_from_an_address_ice_never_validated_are_dropped()
    {
        var pair = new PeerPair();
        pair.Start();
        Assert.True(pair.RunUntil(() => pair.BothConnected, Limit));
        var stranger = System.Net.IPEndPoint.Parse("10.0.0.66:1234").Serialize();
        var buffer = new byte[1500];
        var packet = Rtp(seq: 1, ssrc: 1111, [1, 2, 3]);
        packet.CopyTo(buffer, 0);
        Assert.True(pair.Client.Session.SendRtp(buffer, packet.Length));
        var genuine = pair.Client.Sent[^1];

        pair.Server.Session.HandleDatagram(pair.Now, genuine.ToArray(), stranger);
        pair.Server.Session.HandleDatagram(pair.Now, new byte[] { 22, 0xFE, 0xFD, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 }, stranger);
        Assert.Empty(pair.Server.Rtp);
        Assert.Equal(2, pair.Server.Session.Counters.DroppedUnvalidatedSource);
        Assert.Equal(PeerState.Connected, pair.Server.Session.State);
    }

    [Fact]
    public void Garbage_never_throws_and_never_disturbs_a_connected_session()
    {
        var pair = new PeerPair();
        pair.Start();
        Assert.True(pair.RunUntil(() => pair.BothConnected, Limit));
        var random = new Random(42);
        var from = PeerPair.ClientAddress.Serialize();
        for (var i = 0; i < 3000; i++)
        {
            var garbage = new byte[random.Next(0, 300)];
            random.NextBytes(garbage);
            if (garbage.Length > 0 && i % 3 == 0)
            {
                garbage[0] = (byte)(128 + random.Next(64)); // looks like RTP/RTCP
            }
            pair.Server.Session.HandleDatagram(pair.Now, garbage, from);
        }
        Assert.Equal(PeerState.Connected, pair.Server.Session.State);
        Assert.Empty(pair.Server.Rtp);
        Assert.Empty(pair.Server.Rtcp);
    }

    [Fact]
    public void The_server_closes_a_peer_that_stops_checking_for_30_seconds()
    {
        var pair = new PeerPair();
        pair.Start();
        Assert.True(pair.RunUntil(() => pair.BothConnected, Limit));
        var silentFrom = pair.Now;
        pair.ClientReachesServer = false;
        Assert.True(pair.RunUntil(() => pair.Server.Session.IsEnded, TimeSpan.FromSeconds(40)));
        Assert.Equal(PeerState.Failed, pair.Server.Session.State);
        Assert.Contains("ConsentExpired", pair.Server.Session.CloseReason, StringComparison.Ordinal);
        Assert.InRange(pair.Now - silentFrom, TimeSpan.FromSeconds(25), TimeSpan.FromSeconds(36));
        Assert.False(pair.Server.Session.SendRtp(new byte[100], 12));
    }

    [Fact]
    public void Consent_keeps_an_idle_connected_session_alive()
    {
        var pair = new PeerPair();
        pair.Start();
        Assert.True(pair.RunUntil(() => pair.BothConnected, Limit));
        pair.Run(TimeSpan.FromMinutes(3));
        Assert.True(pair.BothConnected);
    }

    [Fact]
    public void Close_sends_close_notify_and_the_peer_ends_too()
    {
        var pair = new PeerPair();
        pair.Start();
        Assert.True(pair.RunUntil(() => pair.BothConnected, Limit));
        pair.Client.Session.Close("hang-up");
        Assert.Equal(PeerState.Closed, pair.Client.Session.State);
        Assert.True(pair.RunUntil(() => pair.Server.Session.IsEnded, Limit));
        Assert.Equal(PeerState.Closed, pair.Server.Session.State);
    }

    private static byte[] Rtp(ushort seq, uint ssrc, byte[] payload)
    {
        var buffer = new byte[1500];
        Assert.True(RtpPacketWriter.TryCreate(buffer, new RtpHeader(96, seq, 90000, ssrc), out var writer));
        Assert.True(writer.TryWritePayload(payload, out var length));
        return buffer[..length];
    }
}
