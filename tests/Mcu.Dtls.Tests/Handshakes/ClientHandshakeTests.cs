using Mcu.Srtp;
using Mcu.Dtls.Messages;
using Mcu.Dtls.Tests.Support;

namespace Mcu.Dtls.Tests.Handshakes;

public sealed class ClientHandshakeTests
{
    [Fact]
    public void Answers_HelloVerifyRequest_with_the_same_hello_plus_the_cookie()
    {
        using var client = new DtlsEndpoint(DtlsRole.Client, TestCertificates.Client);
        client.Start(TimeSpan.Zero);
        CapturedRecords.Fragment first = Assert.Single(CapturedRecords.HandshakeFragments(DatagramParts.Poll(client)));
        byte[] helloVerifyRequest = HelloBuilder.Record(3, [0xFE, 0xFF, 4, 0xC0, 0x0C, 0x1E, 0x55]);

        client.HandleDatagram(TimeSpan.FromMilliseconds(5), helloVerifyRequest);
        CapturedRecords.Fragment second = Assert.Single(CapturedRecords.HandshakeFragments(DatagramParts.Poll(client)));

        Assert.Equal((ushort)0, first.Sequence);
        Assert.Equal((ushort)1, second.Sequence);
        Assert.True(ClientHello.TryParse(first.Data, out ClientHello before));
        Assert.True(ClientHello.TryParse(second.Data, out ClientHello after));
        Assert.True(before.Cookie.IsEmpty);
        Assert.Equal([0xC0, 0x0C, 0x1E, 0x55], after.Cookie.ToArray());
        Assert.Equal(before.Random.ToArray(), after.Random.ToArray());
        Assert.Equal(TimeSpan.FromMilliseconds(1005), client.NextTimeout);

        // The same HelloVerifyRequest again means our second hello was lost: send it again.
        client.HandleDatagram(TimeSpan.FromMilliseconds(10), helloVerifyRequest);
        CapturedRecords.Fragment repeated = Assert.Single(CapturedRecords.HandshakeFragments(DatagramParts.Poll(client)));
        Assert.Equal(second.Data, repeated.Data);
        Assert.Equal(1, client.Counters.Retransmissions);
    }

    [Fact]
    public void Offers_both_suites_both_groups_both_SRTP_profiles_and_EMS()
    {
        using var client = new DtlsEndpoint(DtlsRole.Client, TestCertificates.Client);
        client.Start(TimeSpan.Zero);
        CapturedRecords.Fragment hello = Assert.Single(CapturedRecords.HandshakeFragments(DatagramParts.Poll(client)));

        Assert.True(ClientHello.TryParse(hello.Data, out ClientHello parsed));
        Assert.True(HelloExtensions.TryParse(parsed.Extensions, out HelloExtensions extensions));
        Assert.Equal(2, parsed.CipherSuites.Count);
        Assert.Equal(2, extensions.SupportedGroups.Count);
        Assert.Equal((ushort)SrtpProfile.AeadAes128Gcm, extensions.SrtpProfiles[0]);
        Assert.Equal((ushort)SrtpProfile.Aes128CmHmacSha1Tag80, extensions.SrtpProfiles[1]);
        Assert.True(extensions.ExtendedMasterSecret);
    }
}
