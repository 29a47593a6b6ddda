using System.Net;
using Mcu.Sdp;
using Mcu.WebRtc;

namespace Mcu.Transport;

/// <summary>What our own client role sends and receives, and where it binds.</summary>
public sealed class WebRtcClientOptions
{
    /// <summary>The local address to bind and announce as the host candidate.</summary>
    public IPAddress BindAddress { get; init; } = IPAddress.Loopback;

    /// <summary>Our Opus stream, if we send audio.</summary>
    public LocalTrack? AudioTrack { get; init; }

    /// <summary>Our VP8 stream (with its RTX SSRC), if we send video.</summary>
    public LocalTrack? VideoTrack { get; init; }

    public bool ReceiveAudio { get; init; } = true;

    public bool ReceiveVideo { get; init; } = true;

    public PeerSessionOptions Session { get; init; } = PeerSessionOptions.Default;
}
