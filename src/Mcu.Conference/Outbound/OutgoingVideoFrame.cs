using System.Collections.Concurrent;

namespace Mcu.Conference.Outbound;

/// <summary>
/// One encoded composite frame, packetized once with the room's source SSRC, sequence numbers
/// and timestamps, on its way to every loop that has receivers. Pooled and reference-counted:
/// each loop releases it after rewriting it for its receivers.
/// </summary>
internal sealed class OutgoingVideoFrame
{
    public const int PacketCapacity = 1500;

    private readonly ConcurrentQueue<OutgoingVideoFrame> _pool;
    private byte[][] _packets = [];
    private int[] _lengths = [];
    private int _references;

    private OutgoingVideoFrame(ConcurrentQueue<OutgoingVideoFrame> pool) => _pool = pool;

    public int Count { get; private set; }

    public bool IsKeyframe { get; private set; }

    public static OutgoingVideoFrame Rent(ConcurrentQueue<OutgoingVideoFrame> pool, bool keyframe)
    {
        if (!pool.TryDequeue(out var frame))
        {
            frame = new OutgoingVideoFrame(pool);
        }
        frame.Count = 0;
        frame.IsKeyframe = keyframe;
        frame._references = 1;
        return frame;
    }

    /// <summary>A buffer for the next packet; keep it with <see cref="Commit"/>.</summary>
    public Span<byte> NextPacket()
    {
        if (Count == _packets.Length)
        {
            var size = Math.Max(16, Count * 2);
            Array.Resize(ref _packets, size);
            Array.Resize(ref _lengths, size);
            for (var i = Count; i < size; i++)
            {
                _packets[i] = new byte[PacketCapacity];
            }
        }
        return _packets[Count];
    }

    public void Commit(int length) => _lengths[Count++] = length;

    public ReadOnlySpan<byte> Packet(int index) => _packets[index].AsSpan(0, _lengths[index]);

    public void AddReferences(int count) => Interlocked.Add(ref _references, count);

    public void Release()
    {
        if (Interlocked.Decrement(ref _references) == 0)
        {
            _pool.Enqueue(this);
        }
    }
}
