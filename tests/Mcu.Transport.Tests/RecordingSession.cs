using System.Collections.Concurrent;
using System.Net;

namespace Mcu.Transport.Tests;

/// <summary>A session that records what the loop hands it, on which thread.</summary>
internal sealed class RecordingSession : ILoopSession
{
    public ConcurrentQueue<byte[]> Datagrams { get; } = new();

    public ConcurrentQueue<TimeSpan> Timeouts { get; } = new();

    public ConcurrentBag<int> Threads { get; } = [];

    public Exception? AbortedWith { get; private set; }

    public bool ThrowOnDatagram { get; set; }

    public TimeSpan NextTimeout { get; set; } = TimeSpan.MaxValue;

    public bool IsClosed { get; set; }

    public SemaphoreSlim Arrived { get; } = new(0);

    public void HandleDatagram(TimeSpan now, Span<byte> datagram, SocketAddress from)
    {
        Threads.Add(Environment.CurrentManagedThreadId);
        if (ThrowOnDatagram)
        {
            throw new InvalidOperationException("hostile input broke this session");
        }
        Datagrams.Enqueue(datagram.ToArray());
        Arrived.Release();
    }

    public void HandleTimeout(TimeSpan now)
    {
        Threads.Add(Environment.CurrentManagedThreadId);
        Timeouts.Enqueue(now);
        NextTimeout = TimeSpan.MaxValue;
        Arrived.Release();
    }

    public void Abort(TimeSpan now, Exception error)
    {
        AbortedWith = error;
        IsClosed = true;
        Arrived.Release();
    }
}
