namespace Mcu.Srtp.Tests;

/// <summary>Hex as the RFCs print it: groups separated by spaces and line breaks.</summary>
internal static class Hex
{
    public static byte[] Parse(string text) =>
        Convert.FromHexString(text.Replace(" ", "", StringComparison.Ordinal)
            .Replace("\n", "", StringComparison.Ordinal)
            .Replace("\r", "", StringComparison.Ordinal));
}
