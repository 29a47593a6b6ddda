using Mcu.Dtls;
using Mcu.Srtp;
using Mcu.Stun.Ice;

namespace Mcu.WebRtc;

/// <summary>Timers and limits of a <see cref="PeerSession"/>; the defaults suit browsers.</summary>
public sealed class PeerSessionOptions
{
    public static PeerSessionOptions Default { get; } = new();

    public IceLiteOptions IceLite { get; init; } = IceLiteOptions.Default;

    public IceControllingOptions IceControlling { get; init; } = new();

    public DtlsOptions Dtls { get; init; } = new();

    public SrtpContextOptions Srtp { get; init; } = new();

    /// <summary>How long a session may take from its first valid check to SRTP keys.</summary>
    public TimeSpan HandshakeTimeout { get; init; } = TimeSpan.FromSeconds(30);
}
