namespace Mcu.Sdp;

/// <summary>
/// Syntax of a=ice-ufrag and a=ice-pwd (RFC 8839 §5.4). SDP only checks what it carries; the
/// credentials themselves (generation, STUN keys) belong to ICE in Mcu.Stun.
/// </summary>
internal static class IceCredentialSyntax
{
    public static bool IsValidUfrag(string? ufrag) => ufrag is { Length: >= 4 and <= 256 } && SdpToken.IsIceChars(ufrag);

    public static bool IsValidPwd(string? pwd) => pwd is { Length: >= 22 and <= 256 } && SdpToken.IsIceChars(pwd);
}
