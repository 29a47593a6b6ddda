using Mcu.Srtp;
using Mcu.Dtls.Tests.Support;

namespace Mcu.Dtls.Tests;

public sealed class DtlsOptionsTests
{
    [Fact]
    public void Defaults_suit_WebRTC()
    {
        var options = new DtlsOptions();

        Assert.Equal(1200, options.Mtu);
        Assert.Equal(TimeSpan.FromSeconds(1), options.InitialRetransmitTimeout);
        Assert.Equal(TimeSpan.FromSeconds(60), options.MaxRetransmitTimeout);
        Assert.Equal([SrtpProfile.AeadAes128Gcm, SrtpProfile.Aes128CmHmacSha1Tag80], options.SrtpProfiles);
    }

    [Fact]
    public void Values_out_of_range_are_refused_when_an_endpoint_is_made()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Create(new DtlsOptions { Mtu = DtlsOptions.MinimumMtu - 1 }));
        Assert.Throws<ArgumentException>(() => Create(new DtlsOptions { SrtpProfiles = [] }));
        Assert.Throws<ArgumentException>(() => Create(new DtlsOptions { SrtpProfiles = [(SrtpProfile)0x0042] }));
        Assert.Throws<ArgumentOutOfRangeException>(() => Create(new DtlsOptions { MaxRetransmissions = -1 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => Create(new DtlsOptions { MaxHandshakeMessageSize = 100 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => Create(
            new DtlsOptions { InitialRetransmitTimeout = TimeSpan.FromSeconds(2), MaxRetransmitTimeout = TimeSpan.FromSeconds(1) }));
    }

    private static void Create(DtlsOptions options)
    {
        using var endpoint = new DtlsEndpoint(DtlsRole.Client, TestCertificates.Client, options);
    }
}
