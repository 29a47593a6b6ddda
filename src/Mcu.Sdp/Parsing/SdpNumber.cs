namespace Mcu.Sdp;

/// <summary>Strict decimal parsing: ASCII digits only, no sign, no whitespace, overflow-checked.</summary>
internal static class SdpNumber
{
    public static bool TryParse(ReadOnlySpan<char> text, ulong max, out ulong value)
    {
        value = 0;
        // 20 digits hold ulong.MaxValue; longer input is out of range for every field we read.
        if (text.IsEmpty || text.Length > 20)
        {
            return false;
        }

        foreach (char c in text)
        {
            uint digit = (uint)(c - '0');
            if (digit > 9 || digit > max || value > (max - digit) / 10)
            {
                return false;
            }

            value = (value * 10) + digit;
        }

        return true;
    }

    public static bool TryParse(ReadOnlySpan<char> text, int min, int max, out int value)
    {
        if (TryParse(text, (ulong)max, out ulong wide) && wide >= (ulong)min)
        {
            value = (int)wide;
            return true;
        }

        value = 0;
        return false;
    }

    public static bool TryParse(ReadOnlySpan<char> text, out uint value)
    {
        if (TryParse(text, uint.MaxValue, out ulong wide))
        {
            value = (uint)wide;
            return true;
        }

        value = 0;
        return false;
    }
}
