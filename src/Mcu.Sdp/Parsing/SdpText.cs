namespace Mcu.Sdp;

/// <summary>Helpers for quoting hostile input in error messages.</summary>
internal static class SdpText
{
    private const int MaxExcerpt = 32;

    /// <summary>At most 32 characters of the input, so that an error message stays short.</summary>
    public static string Excerpt(ReadOnlySpan<char> text) =>
        text.Length <= MaxExcerpt ? text.ToString() : string.Concat(text[..MaxExcerpt], "...");
}
