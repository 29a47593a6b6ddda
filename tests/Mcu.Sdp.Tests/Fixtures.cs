using System.Security.Cryptography;

namespace Mcu.Sdp.Tests;

/// <summary>Offer files and the MCU's local parameters shared by the tests.</summary>
internal static class Fixtures
{
    public const string ChromiumSendRecv = "chromium-sendrecv.sdp";
    public const string FirefoxWithDataChannel = "firefox-sendrecv-datachannel.sdp";
    public const string WhepRecvOnly = "whep-recvonly.sdp";
    public const string WhipGStreamer = "whip-gstreamer-sendonly.sdp";
    public const string WhipObsH264 = "whip-obs-h264.sdp";
    public const string ChromiumSimulcast = "chromium-simulcast.sdp";

    public static readonly string[] AllOffers =
        [ChromiumSendRecv, FirefoxWithDataChannel, WhepRecvOnly, WhipGStreamer, WhipObsH264, ChromiumSimulcast];

    public static readonly DtlsFingerprint McuFingerprint = new(DtlsFingerprint.Sha256, SHA256.HashData("mcu test certificate"u8));

    public static readonly IceCandidate McuCandidate = IceCandidate.Host("1", "192.0.2.10", 40000);

    public static readonly LocalTrack AudioTrack = new(0x11111111, "mcu", "mix", "mix-audio");

    public static readonly LocalTrack VideoTrack = new(0x22222222, "mcu", "mix", "mix-video") { RtxSsrc = 0x33333333 };

    public static string Offer(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Offers", name));

    public static LocalTransport McuTransport(params IceCandidate[] candidates) => new()
    {
        IceUfrag = "mcuU",
        IcePwd = "mcuPasswordForTests0123",
        Fingerprint = McuFingerprint,
        Candidates = candidates.Length == 0 ? [McuCandidate] : candidates,
    };

    public static SdpAnswerOptions AnswerOptions(bool withTracks = true, bool transportCc = false) => new()
    {
        Transport = McuTransport(),
        AudioTracks = withTracks ? [AudioTrack] : [],
        VideoTracks = withTracks ? [VideoTrack] : [],
        EnableTransportCc = transportCc,
        SessionId = 4242,
    };

    public static SdpAnswer Answer(string offerName, bool withTracks = true, bool transportCc = false) =>
        new SdpAnswerer(AnswerOptions(withTracks, transportCc)).CreateAnswer(Offer(offerName));

    /// <summary>The lines of SDP text without line endings or blank lines.</summary>
    public static string[] Lines(string sdp) => sdp.Split(["\r\n", "\n"], StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Builds SDP text from lines with CRLF endings.</summary>
    public static string Sdp(params string[] lines) => string.Join("\r\n", lines) + "\r\n";

    /// <summary>A minimal browser-like offer: audio Opus and video VP8 bundled, with the lines given replacing
    /// nothing; tests edit it with string replacement.</summary>
    public static string MinimalOffer() => Sdp(
        "v=0",
        "o=- 1 2 IN IP4 127.0.0.1",
        "s=-",
        "t=0 0",
        "a=group:BUNDLE 0 1",
        "m=audio 9 UDP/TLS/RTP/SAVPF 111",
        "c=IN IP4 0.0.0.0",
        "a=ice-ufrag:abcd",
        "a=ice-pwd:abcdefghijklmnopqrstuv",
        "a=fingerprint:sha-256 " + McuFingerprint.ToString()[8..],
        "a=setup:actpass",
        "a=mid:0",
        "a=extmap:1 urn:ietf:params:rtp-hdrext:ssrc-audio-level",
        "a=sendrecv",
        "a=rtcp-mux",
        "a=rtpmap:111 opus/48000/2",
        "m=video 9 UDP/TLS/RTP/SAVPF 96",
        "c=IN IP4 0.0.0.0",
        "a=ice-ufrag:abcd",
        "a=ice-pwd:abcdefghijklmnopqrstuv",
        "a=fingerprint:sha-256 " + McuFingerprint.ToString()[8..],
        "a=setup:actpass",
        "a=mid:1",
        "a=extmap:2 http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time",
        "a=sendrecv",
        "a=rtcp-mux",
        "a=rtpmap:96 VP8/90000");
}
