namespace Mcu.Srtp;

/// <summary>Outcome of protecting or unprotecting one packet; anything but <see cref="Ok"/> means drop (and count) it.</summary>
public enum SrtpResult
{
    /// <summary>Done; the output length is valid.</summary>
    Ok,

    /// <summary>Not a well-formed RTP/RTCP (or SRTP/SRTCP) packet: too short, wrong version, or a header longer than the packet.</summary>
    Malformed,

    /// <summary>The buffer has no room for the tag and trailer that protection appends.</summary>
    BufferTooSmall,

    /// <summary>The authentication tag did not verify: forged, corrupted, or keyed differently.</summary>
    AuthenticationFailed,

    /// <summary>This packet index was already accepted.</summary>
    ReplayDetected,

    /// <summary>The packet index is behind the replay window (or before the stream's first packet).</summary>
    TooOld,

    /// <summary>A new SSRC would exceed <see cref="SrtpContextOptions.MaxSsrcs"/>.</summary>
    SsrcLimitExceeded,

    /// <summary>The SSRC has used all 2^31 SRTCP indices; the keys must be renegotiated (RFC 3711 9.2).</summary>
    IndexExhausted,
}
