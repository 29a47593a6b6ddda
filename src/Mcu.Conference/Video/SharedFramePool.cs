using System.Collections.Concurrent;
using Mcu.Media.Video;

namespace Mcu.Conference.Video;

/// <summary>Rents <see cref="SharedFrame"/>s over an <see cref="I420FramePool"/>; nothing is allocated in steady state.</summary>
public sealed class SharedFramePool(int maxIdlePerSize = 8) : IDisposable
{
    private readonly I420FramePool _frames = new(maxIdlePerSize);
    private readonly ConcurrentQueue<SharedFrame> _wrappers = new();

    /// <summary>A frame with one reference, owned by the caller.</summary>
    public SharedFrame Rent(int width, int height) => SharedFrame.Wrap(_frames.Rent(width, height), _wrappers);

    /// <summary>Frees the idle pictures; frames still held are freed when released.</summary>
    public void Dispose() => _frames.Dispose();
}
