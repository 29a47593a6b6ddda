using System.Text.Json.Serialization;

namespace Mcu.Server.Turn;

/// <summary>A STUN or TURN server as WebRTC's RTCIceServer describes it (W3C webrtc 4.2.4).</summary>
public sealed record IceServer(
    IReadOnlyList<string> Urls,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Username = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Credential = null);
