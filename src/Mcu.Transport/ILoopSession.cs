using System.Net;

namespace Mcu.Transport;

/// <summary>
/// A sans-IO session driven by a <see cref="NetworkLoop"/>: it is only ever called from that
/// loop's thread, so it needs no locks.
/// </summary>
public interface ILoopSession
{
    /// <summary>A datagram from <paramref name="from"/>; the span may be modified in place (SRTP).</summary>
    void HandleDatagram(TimeSpan now, Span<byte> datagram, SocketAddress from);

    /// <summary>Called at or after <see cref="NextTimeout"/>.</summary>
    void HandleTimeout(TimeSpan now);

    /// <summary>When the session next needs <see cref="HandleTimeout"/>; <see cref="TimeSpan.MaxValue"/> for never.</summary>
    TimeSpan NextTimeout { get; }

    /// <summary>True once the session has ended; the loop then forgets it.</summary>
    bool IsClosed { get; }

    /// <summary>
    /// The session threw: close it and release what it holds. One peer's failure never
    /// reaches the loop, its other sessions, or the process.
    /// </summary>
    void Abort(TimeSpan now, Exception error);
}
