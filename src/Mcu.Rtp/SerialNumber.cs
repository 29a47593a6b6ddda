namespace Mcu.Rtp;

/// <summary>
/// Wrap-aware ordering of RTP sequence numbers and timestamps (RFC 1982 serial number arithmetic):
/// a is newer than b when it is less than half the number space ahead.
/// </summary>
public static class SerialNumber
{
    public static bool IsNewer(ushort a, ushort b)
    {
        var delta = (ushort)(a - b);
        // Exactly half way is ambiguous in RFC 1982; break the tie by the raw value so that exactly
        // one of IsNewer(a, b) and IsNewer(b, a) holds for distinct values.
        return delta == 0x8000 ? a > b : delta is > 0 and < 0x8000;
    }

    public static bool IsNewer(uint a, uint b)
    {
        var delta = a - b;
        return delta == 0x8000_0000 ? a > b : delta is > 0 and < 0x8000_0000;
    }

    /// <summary>Signed distance from <paramref name="from"/> to <paramref name="to"/>, in -32768..32767.</summary>
    public static int Difference(ushort to, ushort from) => (short)(ushort)(to - from);

    /// <summary>Signed distance from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public static long Difference(uint to, uint from) => (int)(to - from);
}
