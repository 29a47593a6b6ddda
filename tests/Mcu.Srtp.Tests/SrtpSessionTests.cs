namespace Mcu.Srtp.Tests;

public class SrtpSessionTests
{
    private static (SrtpSession Client, SrtpSession Server) Association(SrtpProfile profile)
    {
        var material = new byte[SrtpKeys.GetExportLength(profile)];
        new Random((int)profile).NextBytes(material);
        return (
            new SrtpSession(SrtpKeys.FromDtlsExport(profile, material, isDtlsClient: true)),
            new SrtpSession(SrtpKeys.FromDtlsExport(profile, material, isDtlsClient: false)));
    }

    [Theory]
    [MemberData(nameof(TestPackets.Profiles), MemberType = typeof(TestPackets))]
    public void Dtls_client_and_server_read_each_others_rtp_and_rtcp(SrtpProfile profile)
    {
        var (client, server) = Association(profile);
        using (client)
        using (server)
        {
            foreach (var (from, to) in new[] { (client, server), (server, client) })
            {
                var rtp = TestPackets.Rtp(1, 0x42, 100, from.Outbound.RtpOverhead);
                var plainRtp = rtp[..^from.Outbound.RtpOverhead];
                Assert.Equal(SrtpResult.Ok, from.ProtectRtp(rtp, plainRtp.Length, out _));
                Assert.Equal(SrtpResult.Ok, to.UnprotectRtp(rtp, out var rtpLength));
                Assert.Equal(plainRtp, rtp[..rtpLength]);

                var rtcp = TestPackets.Rtcp(0x42, from.Outbound.RtcpOverhead);
                Assert.Equal(SrtpResult.Ok, from.ProtectRtcp(rtcp, TestPackets.RtcpLength, out _));
                Assert.Equal(SrtpResult.Ok, to.UnprotectRtcp(rtcp, out var rtcpLength));
                Assert.Equal(TestPackets.Rtcp(0x42, spare: 0), rtcp[..rtcpLength]);
            }
        }
    }

    [Fact]
    public void A_side_cannot_read_its_own_packets_because_each_direction_has_its_own_keys()
    {
        var (client, server) = Association(SrtpProfile.AeadAes128Gcm);
        using (client)
        using (server)
        {
            var rtp = TestPackets.Rtp(1, 0x42, 100, client.Outbound.RtpOverhead);
            Assert.Equal(SrtpResult.Ok, client.ProtectRtp(rtp, rtp.Length - client.Outbound.RtpOverhead, out _));

            Assert.Equal(SrtpResult.AuthenticationFailed, client.UnprotectRtp((byte[])rtp.Clone(), out _));
            Assert.Equal(SrtpResult.Ok, server.UnprotectRtp(rtp, out _));
        }
    }
}
