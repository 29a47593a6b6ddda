namespace Mcu.Conference.Video;

/// <summary>
/// The newest decoded picture of one participant: the decoder replaces it (keep newest, drop
/// older), the compositor borrows it. A version number tells the compositor whether the tile
/// changed since it last drew it.
/// </summary>
public sealed class LatestFrameSlot
{
    private readonly Lock _lock = new();
    private SharedFrame? _frame;
    private long _version;

    /// <summary>Replaces the picture, taking over the caller's reference.</summary>
    public void Publish(SharedFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        SharedFrame? old;
        lock (_lock)
        {
            old = _frame;
            _frame = frame;
            _version++;
        }
        old?.Release();
    }

    /// <summary>The picture with a reference the caller must release, or null; and its version.</summary>
    public SharedFrame? Acquire(out long version)
    {
        lock (_lock)
        {
            version = _version;
            _frame?.AddRef();
            return _frame;
        }
    }

    /// <summary>Drops the picture (a participant left or turned video off).</summary>
    public void Clear()
    {
        SharedFrame? old;
        lock (_lock)
        {
            old = _frame;
            _frame = null;
            _version++;
        }
        old?.Release();
    }
}
