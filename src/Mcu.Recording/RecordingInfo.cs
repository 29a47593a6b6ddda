namespace Mcu.Recording;

/// <summary>A snapshot of one recording, for the API and the browser app.</summary>
/// <param name="Id">Unique on this server: the file name without its extension.</param>
/// <param name="Room">The room's name.</param>
/// <param name="Path">The file's full path.</param>
/// <param name="StartedAt">When the recording was started (UTC).</param>
/// <param name="State">Running, finished or failed.</param>
/// <param name="Error">Why it failed; null otherwise.</param>
/// <param name="Duration">Media time in the file so far (final once not running).</param>
/// <param name="Bytes">Size of the file so far.</param>
/// <param name="FramesDropped">Frames lost because the disk was too slow.</param>
/// <param name="EndedAt">When it stopped or failed; null while running.</param>
public sealed record RecordingInfo(
    string Id,
    string Room,
    string Path,
    DateTimeOffset StartedAt,
    RecordingState State,
    string? Error,
    TimeSpan Duration,
    long Bytes,
    long FramesDropped,
    DateTimeOffset? EndedAt);
