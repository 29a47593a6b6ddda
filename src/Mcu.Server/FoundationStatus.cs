namespace Mcu.Server;

/// <summary>What this build of the host can do, said plainly.</summary>
internal sealed record FoundationStatus(int MediaPort)
{
    public string Summary =>
        $"MCU server: the WebRTC transport is up (media on UDP port {MediaPort}), but conferencing " +
        "(rooms, mixing, layouts, recording, the browser app) is not implemented in this build yet. " +
        "This host serves only / and /healthz.";
}
