namespace Mcu.Srtp;

/// <summary>Limits of one <see cref="SrtpContext"/>.</summary>
public sealed record SrtpContextOptions
{
    /// <summary>Defaults: 64 SSRCs, a 1024-packet replay window.</summary>
    public static SrtpContextOptions Default { get; } = new();

    /// <summary>At most this many SSRCs get state; packets of further SSRCs are refused, so a peer cannot grow memory without bound.</summary>
    public int MaxSsrcs { get; init; } = 64;

    /// <summary>Replay window width in packets (RFC 3711 3.3.2 asks for at least 64); a power of two from 64 to 32768.</summary>
    /// <remarks>Wide by default because video bursts are reordered by pacers and retransmissions.</remarks>
    public int ReplayWindowSize { get; init; } = 1024;

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxSsrcs, 1, nameof(MaxSsrcs));
        if (ReplayWindowSize is < 64 or > 32768 || (ReplayWindowSize & (ReplayWindowSize - 1)) != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(ReplayWindowSize), ReplayWindowSize, "Must be a power of two from 64 to 32768.");
        }
    }
}
