using System.Buffers.Binary;

namespace Mcu.Dtls.Messages;

/// <summary>A validated list of big-endian uint16 values read in place: cipher suites, groups, signature schemes, SRTP profiles.</summary>
internal readonly ref struct UInt16List
{
    private readonly ReadOnlySpan<byte> _bytes;

    private UInt16List(ReadOnlySpan<byte> bytes) => _bytes = bytes;

    public int Count => _bytes.Length / 2;

    public ushort this[int index] => BinaryPrimitives.ReadUInt16BigEndian(_bytes.Slice(index * 2, 2));

    /// <summary>Accepts a non-empty, even-length byte range (the TLS vectors holding these lists are never empty).</summary>
    public static bool TryCreate(ReadOnlySpan<byte> bytes, out UInt16List list)
    {
        list = default;
        if (bytes.IsEmpty || (bytes.Length & 1) != 0)
        {
            return false;
        }

        list = new UInt16List(bytes);
        return true;
    }

    public bool Contains(ushort value)
    {
        for (int i = 0; i < Count; i++)
        {
            if (this[i] == value)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The first of <paramref name="preferences"/> that this list contains, or null.</summary>
    public ushort? FirstCommon(ReadOnlySpan<ushort> preferences)
    {
        foreach (ushort preferred in preferences)
        {
            if (Contains(preferred))
            {
                return preferred;
            }
        }

        return null;
    }
}
