namespace Mcu.Rtp.Tests;

public class RtpHeaderExtensionMapTests
{
    [Fact]
    public void Ids_from_sdp_map_to_kinds_and_back()
    {
        var map = new RtpHeaderExtensionMap();
        Assert.True(map.TryRegister(1, "urn:ietf:params:rtp-hdrext:ssrc-audio-level"));
        Assert.True(map.TryRegister(3, "http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01"));
        Assert.True(map.TryRegister(4, "urn:ietf:params:rtp-hdrext:sdes:mid"));
        Assert.True(map.TryRegister(2, "http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time"));

        Assert.Equal(RtpExtensionKind.AudioLevel, map.GetKind(1));
        Assert.Equal(RtpExtensionKind.AbsSendTime, map.GetKind(2));
        Assert.Equal(RtpExtensionKind.Unknown, map.GetKind(9));
        Assert.Equal(RtpExtensionKind.Unknown, map.GetKind(-1));
        Assert.True(map.TryGetId(RtpExtensionKind.Mid, out var midId));
        Assert.Equal(4, midId);
    }

    [Fact]
    public void Unknown_uris_invalid_ids_and_conflicts_are_refused()
    {
        var map = new RtpHeaderExtensionMap();
        Assert.False(map.TryRegister(5, "urn:3gpp:video-orientation"));
        Assert.False(map.TryRegister(0, RtpExtensionKind.Mid));
        Assert.False(map.TryRegister(256, RtpExtensionKind.Mid));
        Assert.True(map.TryRegister(5, RtpExtensionKind.Mid));
        Assert.True(map.TryRegister(5, RtpExtensionKind.Mid));
        Assert.False(map.TryRegister(5, RtpExtensionKind.AudioLevel));
        Assert.False(map.TryRegister(6, RtpExtensionKind.Mid));
        Assert.False(map.TryGetId(RtpExtensionKind.AudioLevel, out _));
    }

    [Fact]
    public void Maps_are_per_m_line_so_one_id_can_mean_different_things()
    {
        var audio = new RtpHeaderExtensionMap();
        var video = new RtpHeaderExtensionMap();
        audio.TryRegister(1, RtpExtensionKind.AudioLevel);
        video.TryRegister(1, RtpExtensionKind.AbsSendTime);

        var extensions = new RtpHeaderExtensions(RtpHeaderExtensions.OneByteProfile, Bytes.FromHex("12 01 02 03"));
        Assert.True(video.TryFind(extensions, RtpExtensionKind.AbsSendTime, out var sendTime));
        Assert.Equal(3, sendTime.Length);
        Assert.False(audio.TryFind(extensions, RtpExtensionKind.AbsSendTime, out _));

        video.Clear();
        Assert.Equal(RtpExtensionKind.Unknown, video.GetKind(1));
    }
}
