using System.Collections.Concurrent;
using Mcu.Media.Video;

namespace Mcu.Conference.Video;

/// <summary>
/// A picture shared between threads (a decoder publishes it, the compositor reads it) and
/// released exactly once by each holder; the last release disposes it (back to its decoder's
/// buffers or its pool).
/// </summary>
public sealed class SharedFrame
{
    private readonly ConcurrentQueue<SharedFrame> _wrappers;
    private IPicture? _picture;
    private IDisposable? _owner;
    private int _references;

    private SharedFrame(ConcurrentQueue<SharedFrame> wrappers) => _wrappers = wrappers;

    /// <summary>The picture; valid while the caller holds a reference.</summary>
    public IPicture Picture => _picture ?? throw new ObjectDisposedException(nameof(SharedFrame), "This frame was released by all its holders.");

    internal static SharedFrame Wrap(IPicture picture, IDisposable owner, ConcurrentQueue<SharedFrame> wrappers)
    {
        if (!wrappers.TryDequeue(out var shared))
        {
            shared = new SharedFrame(wrappers);
        }
        shared._picture = picture;
        shared._owner = owner;
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
        var owner = _owner;
        _picture = null;
        _owner = null;
        owner?.Dispose();
        _wrappers.Enqueue(this);
    }
}
