using System.Diagnostics;
using Mcu.Transport;

namespace Mcu.Client.Sending;

/// <summary>
/// RTP packets prepared on the bot's sending thread and sent on the connection's loop; pooled,
/// so that sending allocates nothing per frame.
/// </summary>
internal sealed class PacketBatch : LoopCommand
{
    public const int PacketCapacity = 1500;

    private readonly Action<PacketBatch> _return;
    private byte[][] _buffers = [];
    private int[] _lengths = [];
    private int _markPacket = -1;
    private int _markValue;

    public PacketBatch(Action<PacketBatch> returnToPool) => _return = returnToPool;

    public PeerConnection Connection { get; set; } = null!;

    public int Count { get; private set; }

    /// <summary>A buffer for the next packet (room is left for the SRTP tag).</summary>
    public Span<byte> Next()
    {
        if (Count == _buffers.Length)
        {
            Array.Resize(ref _buffers, Math.Max(8, Count * 2));
            Array.Resize(ref _lengths, _buffers.Length);
            for (var i = Count; i < _buffers.Length; i++)
            {
                _buffers[i] = new byte[PacketCapacity];
            }
        }
        return _buffers[Count];
    }

    /// <summary>Keeps the packet written into <see cref="Next"/>.</summary>
    public void Commit(int length) => _lengths[Count++] = length;

    /// <summary>Where the send time of the last packet committed so far is noted, with <paramref name="value"/>.</summary>
    public TimedValueLog? Marks { get; set; }

    /// <summary>Notes, once sent, when the last packet committed so far left (a marker frame's last packet).</summary>
    public void MarkLastPacket(int value)
    {
        _markPacket = Count - 1;
        _markValue = value;
    }

    /// <summary>Forgets the packets written (a batch not sent).</summary>
    public void Clear()
    {
        Count = 0;
        _markPacket = -1;
    }

    public override void Execute(NetworkLoop loop, TimeSpan now)
    {
        var session = Connection.Session;
        for (var i = 0; i < Count; i++)
        {
            session.SendRtp(_buffers[i], _lengths[i]);
            if (i == _markPacket)
            {
                // Sent synchronously: on loopback this is the packet's arrival within microseconds.
                Marks?.Add(Stopwatch.GetTimestamp(), _markValue);
            }
        }
        Clear();
        _return(this);
    }
}
