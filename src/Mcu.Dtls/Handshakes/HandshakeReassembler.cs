using Mcu.Dtls.Messages;

namespace Mcu.Dtls.Handshakes;

/// <summary>
/// Reassembles handshake messages from fragments and releases them strictly in message_seq order
/// (RFC 6347 sections 4.2.2 and 4.2.3), holding at most <see cref="Window"/> messages of bounded size.
/// </summary>
internal sealed class HandshakeReassembler
{
    /// <summary>Messages held beyond the next expected one: a whole flight (five messages at most) arriving out of order.</summary>
    public const int Window = 8;

    private readonly int _maxMessageSize;
    private readonly PartialMessage?[] _slots = new PartialMessage?[Window];

    public HandshakeReassembler(int maxMessageSize) => _maxMessageSize = maxMessageSize;

    /// <summary>The message_seq released next.</summary>
    public ushort NextSequence { get; private set; }

    public FragmentStatus Add(in HandshakeFragment fragment)
    {
        int ahead = fragment.MessageSequence - NextSequence;
        if (ahead < 0)
        {
            return FragmentStatus.Old;
        }

        if (ahead >= Window)
        {
            return FragmentStatus.OutOfWindow;
        }

        if (fragment.MessageLength > _maxMessageSize)
        {
            return FragmentStatus.TooLarge;
        }

        int index = fragment.MessageSequence % Window;
        PartialMessage? message = _slots[index];
        bool isNew = message is null;
        if (message is null)
        {
            message = new PartialMessage(fragment.Type, fragment.MessageLength);
            _slots[index] = message;
        }
        else if (message.Type != fragment.Type || message.Body.Length != fragment.MessageLength)
        {
            return FragmentStatus.Inconsistent;
        }

        return message.Add(fragment.FragmentOffset, fragment.Data) || isNew ? FragmentStatus.Accepted : FragmentStatus.Duplicate;
    }

    /// <summary>Releases the next message once all its bytes arrived.</summary>
    public bool TryTakeNext(out HandshakeType type, out ushort sequence, out byte[] body)
    {
        int index = NextSequence % Window;
        PartialMessage? message = _slots[index];
        if (message is null || !message.IsComplete)
        {
            type = default;
            sequence = 0;
            body = [];
            return false;
        }

        _slots[index] = null;
        type = message.Type;
        sequence = NextSequence;
        body = message.Body;
        NextSequence++;
        return true;
    }
}
