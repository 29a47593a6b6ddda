namespace Mcu.Sdp;

/// <summary>RTP payload type numbers: 7 bits (RFC 3550 §5.1).</summary>
internal static class SdpPayloadType
{
    public const int Max = 127;

    public static bool TryParse(ReadOnlySpan<char> text, out int payloadType) => SdpNumber.TryParse(text, 0, Max, out payloadType);
}
