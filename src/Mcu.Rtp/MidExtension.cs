namespace Mcu.Rtp;

/// <summary>The sdes:mid header extension: the m-line identification tag as ASCII (RFC 8843 section 15).</summary>
public static class MidExtension
{
    /// <summary>A MID value is at least one octet (an SDES item value); longer values need the two-byte form past 16.</summary>
    public static bool TryRead(ReadOnlySpan<byte> value, out ReadOnlySpan<byte> mid)
    {
        mid = value;
        return !value.IsEmpty;
    }

    /// <summary>Compares an extension value with a MID string without allocating (ASCII, case-sensitive).</summary>
    public static bool IsMatch(ReadOnlySpan<byte> value, ReadOnlySpan<char> mid)
    {
        if (value.Length != mid.Length)
        {
            return false;
        }
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] != mid[i])
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>Writes a MID string as ASCII; false if it is empty, longer than 255, non-ASCII or does not fit.</summary>
    public static bool TryWrite(Span<byte> destination, ReadOnlySpan<char> mid, out int written)
    {
        written = 0;
        if (mid.IsEmpty || mid.Length > 255 || destination.Length < mid.Length)
        {
            return false;
        }
        for (var i = 0; i < mid.Length; i++)
        {
            if (mid[i] > 0x7F)
            {
                return false;
            }
            destination[i] = (byte)mid[i];
        }
        written = mid.Length;
        return true;
    }
}
