using Mcu.Srtp;

namespace Mcu.Dtls;

/// <summary>Tunables of a <see cref="DtlsEndpoint"/>; the defaults suit WebRTC.</summary>
public sealed class DtlsOptions
{
    /// <summary>The smallest MTU that still leaves room for a useful encrypted handshake fragment.</summary>
    public const int MinimumMtu = 128;

    /// <summary>Largest datagram we send; flights are packed and handshake messages fragmented to fit (RFC 6347 section 4.1.1).</summary>
    public int Mtu { get; init; } = 1200;

    /// <summary>First retransmission timeout of a flight (RFC 6347 section 4.2.4.1 recommends 1 s).</summary>
    public TimeSpan InitialRetransmitTimeout { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Cap of the doubling retransmission timeout (RFC 6347 section 4.2.4.1: 60 s).</summary>
    public TimeSpan MaxRetransmitTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Retransmissions of one flight before the handshake fails.</summary>
    public int MaxRetransmissions { get; init; } = 7;

    /// <summary>SRTP protection profiles we offer or accept, most preferred first.</summary>
    public IReadOnlyList<SrtpProfile> SrtpProfiles { get; init; } = [SrtpProfile.AeadAes128Gcm, SrtpProfile.Aes128CmHmacSha1Tag80];

    /// <summary>Largest handshake message we reassemble; a self-signed certificate is well under 2 KiB.</summary>
    public int MaxHandshakeMessageSize { get; init; } = 16 * 1024;

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Mtu, MinimumMtu, nameof(Mtu));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Mtu, 65507, nameof(Mtu));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(InitialRetransmitTimeout, TimeSpan.Zero, nameof(InitialRetransmitTimeout));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxRetransmitTimeout, InitialRetransmitTimeout, nameof(MaxRetransmitTimeout));
        ArgumentOutOfRangeException.ThrowIfNegative(MaxRetransmissions, nameof(MaxRetransmissions));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxHandshakeMessageSize, 1024, nameof(MaxHandshakeMessageSize));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(MaxHandshakeMessageSize, 1 << 20, nameof(MaxHandshakeMessageSize));
        ArgumentNullException.ThrowIfNull(SrtpProfiles, nameof(SrtpProfiles));
        if (SrtpProfiles.Count == 0 || SrtpProfiles.Count > 16)
        {
            throw new ArgumentException("Offer between 1 and 16 SRTP profiles.", nameof(SrtpProfiles));
        }

        for (int i = 0; i < SrtpProfiles.Count; i++)
        {
            if (!SrtpProfiles[i].IsSupported())
            {
                throw new ArgumentException($"Unknown SRTP profile 0x{(ushort)SrtpProfiles[i]:X4}.", nameof(SrtpProfiles));
            }
        }
    }
}
