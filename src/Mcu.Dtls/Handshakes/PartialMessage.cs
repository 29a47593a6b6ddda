using Mcu.Dtls.Messages;

namespace Mcu.Dtls.Handshakes;

/// <summary>One handshake message being reassembled: its bytes and a bitmap of which have arrived.</summary>
internal sealed class PartialMessage
{
    private readonly ulong[] _received;
    private int _receivedCount;

    public PartialMessage(HandshakeType type, int length)
    {
        Type = type;
        Body = new byte[length];
        _received = new ulong[(length + 63) / 64];
    }

    public HandshakeType Type { get; }

    public byte[] Body { get; }

    public bool IsComplete => _receivedCount == Body.Length;

    /// <summary>
    /// Stores the bytes of a fragment already checked to lie within the message; returns true if any were new.
    /// The first copy of a byte wins, so an overlapping fragment cannot rewrite what was already received.
    /// </summary>
    public bool Add(int offset, ReadOnlySpan<byte> data)
    {
        int before = _receivedCount;
        for (int i = 0; i < data.Length; i++)
        {
            int position = offset + i;
            ref ulong word = ref _received[position >> 6];
            ulong bit = 1UL << (position & 63);
            if ((word & bit) == 0)
            {
                word |= bit;
                Body[position] = data[i];
                _receivedCount++;
            }
        }

        return _receivedCount != before;
    }
}
