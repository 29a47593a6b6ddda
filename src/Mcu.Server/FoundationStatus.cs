namespace Mcu.Server;

/// <summary>What this build of the host can do, said plainly.</summary>
internal sealed record FoundationStatus(string Summary)
{
    public static FoundationStatus Probe() => new(
        "MCU foundation build: the native codec library is built and loaded, but conferencing " +
        "(WebRTC dial-in, mixing, layouts, recording) is not implemented in this build yet. " +
        "This host serves only / and /healthz.");
}
