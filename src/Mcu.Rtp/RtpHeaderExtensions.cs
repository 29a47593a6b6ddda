namespace Mcu.Rtp;

/// <summary>An RTP header extension block read in place in RFC 8285 one-byte or two-byte form.</summary>
public readonly ref struct RtpHeaderExtensions
{
    /// <summary>"Defined by profile" value of the one-byte form (RFC 8285 section 4.2).</summary>
    public const ushort OneByteProfile = 0xBEDE;

    /// <summary>"Defined by profile" value of the two-byte form; the low 4 bits are app bits (RFC 8285 section 4.3).</summary>
    public const ushort TwoByteProfile = 0x1000;

    private readonly ReadOnlySpan<byte> _data;

    public RtpHeaderExtensions(ushort profile, ReadOnlySpan<byte> data)
    {
        Profile = profile;
        _data = data;
    }

    public ushort Profile { get; }

    /// <summary>The element bytes after the 4-byte block header.</summary>
    public ReadOnlySpan<byte> Data => _data;

    public bool IsOneByte => Profile == OneByteProfile;

    public bool IsTwoByte => (Profile & 0xFFF0) == TwoByteProfile;

    /// <summary>Finds the first element with the id; false when absent or the block is malformed before it.</summary>
    public bool TryFind(int id, out ReadOnlySpan<byte> value)
    {
        foreach (var element in this)
        {
            if (element.Id == id)
            {
                value = element.Value;
                return true;
            }
        }
        value = default;
        return false;
    }

    public Enumerator GetEnumerator() => new(_data, IsOneByte ? 1 : IsTwoByte ? 2 : 0);

    /// <summary>Walks the elements; stops at the first malformed one (or a one-byte id 15).</summary>
    public ref struct Enumerator
    {
        private readonly ReadOnlySpan<byte> _data;
        private readonly int _form;
        private int _position;

        internal Enumerator(ReadOnlySpan<byte> data, int form)
        {
            _data = data;
            _form = form;
            Current = default;
        }

        public RtpHeaderExtension Current { get; private set; }

        public bool MoveNext()
        {
            while (_position < _data.Length)
            {
                var first = _data[_position];
                if (first == 0)
                {
                    // RFC 8285 4.1: zero bytes are padding between and after elements.
                    _position++;
                    continue;
                }
                int id, length, valueStart;
                if (_form == 1)
                {
                    id = first >> 4;
                    length = (first & 0x0F) + 1;
                    valueStart = _position + 1;
                    // RFC 8285 4.2: id 15 ends processing of the whole block; id 0 with a length is not padding.
                    if (id is 15 or 0)
                    {
                        break;
                    }
                }
                else if (_form == 2)
                {
                    if (_data.Length - _position < 2)
                    {
                        break;
                    }
                    id = first;
                    length = _data[_position + 1];
                    valueStart = _position + 2;
                }
                else
                {
                    break;
                }
                if (length > _data.Length - valueStart)
                {
                    break;
                }
                Current = new RtpHeaderExtension(id, _data.Slice(valueStart, length));
                _position = valueStart + length;
                return true;
            }
            _position = _data.Length;
            return false;
        }
    }
}
