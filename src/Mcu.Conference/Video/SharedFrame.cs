using System.Collections.Concurrent;
using Mcu.Media.Video;

namespace Mcu.Conference.Video;

/// <summary>
/// A pooled I420 picture shared between threads (a decoder publishes it, the compositor reads
/// it) and released exactly once by each holder; the last release returns it to the pool.
/// </summary>
public sealed class SharedFrame
{
    private readonly ConcurrentQueue<SharedFrame> _wrappers;
    private I420Frame? _frame;
    private int _references;

    private SharedFrame(ConcurrentQueue<SharedFrame> wrappers) => _wrappers = wrappers;

    /// <summary>The picture; valid while the caller holds a reference.</summary>
    public I420Frame Frame => _frame ?? throw new ObjectDisposedException(nameof(SharedFrame), "This frame was released by all its holders.");

    internal static SharedFrame Wrap(I420Frame frame, ConcurrentQueue<SharedFrame> wrappers)
    {
        if (!wrappers.TryDequeue(out var shared))
        {
            shared = new SharedFrame(wrappers);
        }
        shared._frame = frame;
        shared._references = 1;
        return shared;
    }

    public void AddRef()
    {
        if (Interlocked.Increment(ref _references) <= 1)
        {
            throw new InvalidOperationException("AddRef on a frame nobody holds any more.");
        }
    }

    public void Release()
    {
        var left = Interlocked.Decrement(ref _references);
        if (left > 0)
        {
            return;
        }
        if (left < 0)
        {
            throw new InvalidOperationException("A shared frame was released more often than it was referenced.");
        }
        var frame = _frame;
        _frame = null;
        frame?.Dispose(); // back to its I420FramePool
        _wrappers.Enqueue(this);
    }
}
