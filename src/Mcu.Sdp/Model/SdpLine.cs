namespace Mcu.Sdp;

/// <summary>A line kept verbatim because the MCU has no use for it (u=, e=, p=, r=, z=, k=, a second t=).</summary>
public sealed record SdpLine(char Type, string Value)
{
    /// <summary>The whole line without its line ending, e.g. "u=http://example.com".</summary>
    public override string ToString() => $"{Type}={Value}";
}
