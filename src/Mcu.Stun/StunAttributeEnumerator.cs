using System.Buffers.Binary;

namespace Mcu.Stun;

/// <summary>Walks the attributes of a message already validated by <see cref="StunMessageReader.TryParse"/>.</summary>
public ref struct StunAttributeEnumerator
{
    private readonly ReadOnlySpan<byte> _message;
    private int _next;

    internal StunAttributeEnumerator(ReadOnlySpan<byte> message)
    {
        _message = message;
        _next = StunHeader.Length;
        Current = default;
    }

    /// <summary>The attribute at the current position.</summary>
    public StunAttribute Current { get; private set; }

    /// <summary>Byte offset of <see cref="Current"/>'s header within the message.</summary>
    internal int CurrentOffset { get; private set; }

    /// <summary>Supports <c>foreach</c>.</summary>
    public readonly StunAttributeEnumerator GetEnumerator() => this;

    /// <summary>Advances to the next attribute; false at the end.</summary>
    public bool MoveNext()
    {
        // Bounds were proven by TryParse; the checks stay so that the enumerator is safe on its own.
        if (_message.Length - _next < 4)
        {
            return false;
        }
        var type = BinaryPrimitives.ReadUInt16BigEndian(_message[_next..]);
        var length = BinaryPrimitives.ReadUInt16BigEndian(_message[(_next + 2)..]);
        var start = _next + 4;
        if (length > _message.Length - start)
        {
            return false;
        }
        Current = new StunAttribute(type, _message.Slice(start, length));
        CurrentOffset = _next;
        _next = start + StunMessageReader.Pad(length);
        return true;
    }
}
