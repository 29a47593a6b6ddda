using Mcu.WebRtc;

namespace Mcu.Client.Receiving;

/// <summary>
/// Stands in for the receiver until the answer (and so the payload types) is known; nothing
/// arrives before then because DTLS has not started.
/// </summary>
internal sealed class DeferredObserver : IPeerSessionObserver
{
    public volatile IPeerSessionObserver? Target;

    public void OnStateChanged(PeerSession session, PeerState state) => Target?.OnStateChanged(session, state);

    public void OnRtp(PeerSession session, TimeSpan now, Span<byte> buffer, int length) => Target?.OnRtp(session, now, buffer, length);

    public void OnRtcp(PeerSession session, TimeSpan now, ReadOnlySpan<byte> compound) => Target?.OnRtcp(session, now, compound);
}
