namespace Mcu.Recording.Tests.Support;

/// <summary>
/// A file whose disk misbehaves: it fills up after <see cref="Capacity"/> bytes (ENOSPC, as the
/// kernel reports it), or stalls every write while <see cref="Stalled"/> is reset.
/// </summary>
internal sealed class FaultyStream : Stream
{
    private readonly Stream _inner;

    public FaultyStream(Stream inner, long capacity = long.MaxValue)
    {
        _inner = inner;
        Capacity = capacity;
    }

    public long Capacity { get; }

    /// <summary>Writes wait while this is not set (set by default: no stall).</summary>
    public ManualResetEventSlim Unstalled { get; } = new(true);

    /// <summary>Set once a write has started waiting on a stall.</summary>
    public ManualResetEventSlim WriteBlocked { get; } = new(false);

    public override bool CanRead => false;

    public override bool CanSeek => _inner.CanSeek;

    public override bool CanWrite => true;

    public override long Length => _inner.Length;

    public override long Position
    {
        get => _inner.Position;
        set => _inner.Position = value;
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        if (!Unstalled.IsSet)
        {
            WriteBlocked.Set();
            Unstalled.Wait();
        }
        if (_inner.Position + buffer.Length > Capacity)
        {
            throw new IOException("No space left on device");
        }
        _inner.Write(buffer);
    }

    public override void Flush() => _inner.Flush();

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => _inner.Seek(offset, origin);

    public override void SetLength(long value) => _inner.SetLength(value);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
            Unstalled.Dispose();
            WriteBlocked.Dispose();
        }
        base.Dispose(disposing);
    }
}
