using System.Security.Cryptography;

namespace Mcu.Sdp;

/// <summary>What the MCU offers when answering: its transport, what it sends and receives per kind, and features.</summary>
public sealed class SdpAnswerOptions
{
    /// <summary>Our ICE credentials, certificate fingerprint and host candidates.</summary>
    public required LocalTransport Transport { get; init; }

    /// <summary>Whether we send and/or receive audio.</summary>
    public MediaPolicy Audio { get; init; } = MediaPolicy.SendReceive;

    /// <summary>Whether we send and/or receive video.</summary>
    public MediaPolicy Video { get; init; } = MediaPolicy.SendReceive;

    /// <summary>The audio streams we send, given in order to the offered audio sections the peer lets us send on;
    /// a section left without one gets no send direction.</summary>
    public IReadOnlyList<LocalTrack> AudioTracks { get; init; } = [];

    /// <summary>The video streams we send, assigned like <see cref="AudioTracks"/>.</summary>
    public IReadOnlyList<LocalTrack> VideoTracks { get; init; } = [];

    /// <summary>Accept transport-cc feedback and the transport-wide sequence number extension (else REMB only).</summary>
    public bool EnableTransportCc { get; init; }

    /// <summary>The o= session id of the answer; random by default.</summary>
    public ulong SessionId { get; init; } = NewSessionId();

    /// <summary>Limits applied when the offer is given as text.</summary>
    public SdpLimits Limits { get; init; } = SdpLimits.Default;

    /// <summary>A session id with the top bit clear and 63 random bits (RFC 8829 §5.2.1).</summary>
    internal static ulong NewSessionId()
    {
        Span<byte> bytes = stackalloc byte[8];
        RandomNumberGenerator.Fill(bytes);
        return BitConverter.ToUInt64(bytes) >> 1;
    }

    internal void Validate()
    {
        ArgumentNullException.ThrowIfNull(Transport);
        Transport.Validate();
        ArgumentNullException.ThrowIfNull(Limits);
        foreach (LocalTrack track in (IEnumerable<LocalTrack>)[.. AudioTracks, .. VideoTracks])
        {
            track.Validate();
        }
    }
}
