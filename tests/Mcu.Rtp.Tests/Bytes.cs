namespace Mcu.Rtp.Tests;

/// <summary>Test helper: bytes from spaced hex, as packets are written in RFC figures.</summary>
internal static class Bytes
{
    public static byte[] FromHex(string hex) => Convert.FromHexString(hex.Replace(" ", "", StringComparison.Ordinal).Replace("\n", "", StringComparison.Ordinal));
}
