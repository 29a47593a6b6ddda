namespace Mcu.Media.Video;

/// <summary>
/// Reuses <see cref="I420Frame"/>s per resolution so that steady-state video work allocates
/// nothing. Thread-safe: frames may be rented on one thread and disposed (returned) on another.
/// </summary>
public sealed class I420FramePool : IDisposable
{
    private readonly Dictionary<(int Width, int Height), Stack<I420Frame>> _idle = [];
    private readonly Lock _lock = new();
    private readonly int _maxIdlePerSize;
    private bool _disposed;

    /// <summary>Creates a pool that keeps at most <paramref name="maxIdlePerSize"/> idle frames per resolution.</summary>
    public I420FramePool(int maxIdlePerSize = 8)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxIdlePerSize);
        _maxIdlePerSize = maxIdlePerSize;
    }

    /// <summary>
    /// A frame of the given even size, reused when one is idle. Its pixels hold whatever the
    /// previous user left; dispose it to give it back.
    /// </summary>
    /// <exception cref="ArgumentException">The size is not even or out of range.</exception>
    /// <exception cref="ObjectDisposedException">The pool is disposed.</exception>
    public I420Frame Rent(int width, int height)
    {
        I420Frame.CheckSize(width, height);
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_idle.TryGetValue((width, height), out Stack<I420Frame>? stack) && stack.TryPop(out I420Frame? frame))
            {
                frame.Revive();
                return frame;
            }
        }

        return I420Frame.CreatePooled(width, height, this);
    }

    /// <summary>The number of idle frames kept for a resolution.</summary>
    public int IdleCount(int width, int height)
    {
        lock (_lock)
        {
            return _idle.TryGetValue((width, height), out Stack<I420Frame>? stack) ? stack.Count : 0;
        }
    }

    /// <summary>Frees every idle frame; frames still rented are freed when disposed.</summary>
    public void Dispose()
    {
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            foreach (Stack<I420Frame> stack in _idle.Values)
            {
                while (stack.TryPop(out I420Frame? frame))
                {
                    frame.FreeMemory();
                }
            }

            _idle.Clear();
        }
    }

    /// <summary>Keeps a disposed frame for reuse; false when the caller must free it.</summary>
    internal bool TryReturn(I420Frame frame)
    {
        lock (_lock)
        {
            if (_disposed)
            {
                return false;
            }

            (int, int) key = (frame.Width, frame.Height);
            if (!_idle.TryGetValue(key, out Stack<I420Frame>? stack))
            {
                stack = new Stack<I420Frame>(_maxIdlePerSize);
                _idle.Add(key, stack);
            }

            if (stack.Count >= _maxIdlePerSize)
            {
                return false;
            }

            stack.Push(frame);
            return true;
        }
    }
}
