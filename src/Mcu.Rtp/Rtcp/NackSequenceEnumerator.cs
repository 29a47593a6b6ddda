using System.Buffers.Binary;

namespace Mcu.Rtp.Rtcp;

/// <summary>Expands generic NACK items into lost sequence numbers (RFC 4585 section 6.2.1) without allocating.</summary>
public ref struct NackSequenceEnumerator
{
    private readonly ReadOnlySpan<byte> _fci;
    private int _item;
    private int _bit;
    private ushort _packetId;
    private ushort _bitmask;

    internal NackSequenceEnumerator(ReadOnlySpan<byte> fci)
    {
        _fci = fci;
        _item = -1;
        _bit = 16;
    }

    public ushort Current { get; private set; }

    public readonly NackSequenceEnumerator GetEnumerator() => this;

    public bool MoveNext()
    {
        // _bit == -1: PID itself is next; 0-15: BLP bits; 16: item exhausted.
        while (true)
        {
            if (_bit == -1)
            {
                _bit = 0;
                Current = _packetId;
                return true;
            }
            while (_bit < 16)
            {
                var bit = _bit++;
                if ((_bitmask & (1 << bit)) != 0)
                {
                    Current = (ushort)(_packetId + bit + 1);
                    return true;
                }
            }
            _item++;
            if ((_item + 1) * GenericNack.ItemSize > _fci.Length)
            {
                return false;
            }
            _packetId = BinaryPrimitives.ReadUInt16BigEndian(_fci[(_item * GenericNack.ItemSize)..]);
            _bitmask = BinaryPrimitives.ReadUInt16BigEndian(_fci[((_item * GenericNack.ItemSize) + 2)..]);
            _bit = -1;
        }
    }
}
