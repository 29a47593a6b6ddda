using Mcu.Recording;

namespace Mcu.Server.Recording;

/// <summary>What the API and the room state say about a recording.</summary>
internal sealed record RecordingJson(
    string Id,
    string Room,
    string Path,
    DateTimeOffset StartedAt,
    string State,
    double DurationSeconds,
    long Bytes,
    long FramesDropped,
    DateTimeOffset? EndedAt,
    string? Error)
{
    public static RecordingJson From(RecordingInfo info) => new(
        info.Id,
        info.Room,
        info.Path,
        info.StartedAt,
        StateName(info.State),
        Math.Round(info.Duration.TotalSeconds, 3),
        info.Bytes,
        info.FramesDropped,
        info.EndedAt,
        info.Error);

    public static string StateName(RecordingState state) => state switch
    {
        RecordingState.Running => "running",
        RecordingState.Finished => "finished",
        _ => "failed",
    };
}
