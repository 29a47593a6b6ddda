namespace Mcu.Sdp;

/// <summary>Rules for a=mid identification tags (RFC 5888 §4: a token).</summary>
internal static class SdpMid
{
    // RFC 8843 lets a mid travel in an RTP header extension, which carries at most 255 bytes.
    public const int MaxLength = 255;

    public static bool IsValid(ReadOnlySpan<char> mid) => mid.Length <= MaxLength && SdpToken.IsToken(mid);
}
