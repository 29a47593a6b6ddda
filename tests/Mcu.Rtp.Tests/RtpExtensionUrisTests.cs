namespace Mcu.Rtp.Tests;

public class RtpExtensionUrisTests
{
    [Theory]
    [InlineData(RtpExtensionKind.Mid)]
    [InlineData(RtpExtensionKind.AudioLevel)]
    [InlineData(RtpExtensionKind.AbsSendTime)]
    [InlineData(RtpExtensionKind.TransportSequenceNumber)]
    public void Every_known_kind_round_trips_through_its_uri(RtpExtensionKind kind)
    {
        Assert.Equal(kind, RtpExtensionUris.GetKind(RtpExtensionUris.GetUri(kind)));
    }

    [Fact]
    public void Unknown_has_no_uri_and_uris_are_case_sensitive()
    {
        Assert.Null(RtpExtensionUris.GetUri(RtpExtensionKind.Unknown));
        Assert.Equal(RtpExtensionKind.Unknown, RtpExtensionUris.GetKind("URN:IETF:PARAMS:RTP-HDREXT:SDES:MID"));
    }
}
