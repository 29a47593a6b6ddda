using System.Collections.Concurrent;
using Mcu.Media.Video;

namespace Mcu.Conference.Video;

/// <summary>Hands out <see cref="SharedFrame"/> wrappers again and again; nothing is allocated in steady state.</summary>
public sealed class SharedFramePool
{
    private readonly ConcurrentQueue<SharedFrame> _wrappers = new();

    /// <summary>Shares a picture the caller owns: one reference, and the last release disposes the picture.</summary>
    public SharedFrame Share<T>(T picture)
        where T : class, IPicture, IDisposable
    {
        ArgumentNullException.ThrowIfNull(picture);
        return SharedFrame.Wrap(picture, picture, _wrappers);
    }
}
