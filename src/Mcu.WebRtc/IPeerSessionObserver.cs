namespace Mcu.WebRtc;

/// <summary>
/// Receives what a <see cref="PeerSession"/> produces, synchronously on the thread that drives
/// the session. Implementations may call back into the session (e.g. send RTP) from here.
/// </summary>
public interface IPeerSessionObserver
{
    void OnStateChanged(PeerSession session, PeerState state);

    /// <summary>
    /// A decrypted RTP packet in <paramref name="buffer"/>[..<paramref name="length"/>]. The
    /// buffer is the session's to reuse after the call; it is at least as long as the datagram
    /// was, so the packet may be rewritten and re-protected in place.
    /// </summary>
    void OnRtp(PeerSession session, TimeSpan now, Span<byte> buffer, int length);

    /// <summary>A decrypted RTCP compound packet; valid only during the call.</summary>
    void OnRtcp(PeerSession session, TimeSpan now, ReadOnlySpan<byte> compound);
}
