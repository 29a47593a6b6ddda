using Mcu.Conference;

namespace Mcu.Recording;

/// <summary>The manager's record of one recording; its state changes under the manager's lock.</summary>
internal sealed class Recording
{
    private TimeSpan _duration;
    private long _bytes;
    private long _dropped;

    public Recording(string id, Room room, string path, DateTimeOffset startedAt, bool autoStarted)
    {
        Id = id;
        RoomName = room.Name;
        Room = room;
        Path = path;
        StartedAt = startedAt;
        AutoStarted = autoStarted;
    }

    public string Id { get; }

    public string RoomName { get; }

    public string Path { get; }

    public DateTimeOffset StartedAt { get; }

    public bool AutoStarted { get; }

    /// <summary>The tapped room while running; let go afterwards so a closed room can be collected.</summary>
    public Room? Room { get; private set; }

    public RoomRecorder? Recorder { get; set; }

    public RecordingState State { get; private set; } = RecordingState.Running;

    public string? Error { get; private set; }

    public DateTimeOffset? EndedAt { get; private set; }

    /// <summary>Serializes stopping, so that a second stop waits for the first one's result.</summary>
    public Lock StopGate { get; } = new();

    /// <summary>Ends the recording: keeps its final figures and lets go of the recorder and the room.</summary>
    public void End(RecordingState state, string? error, DateTimeOffset endedAt)
    {
        State = state;
        Error = error;
        EndedAt = endedAt;
        if (Recorder is { } recorder)
        {
            _duration = recorder.Duration;
            _bytes = recorder.BytesWritten;
            _dropped = recorder.FramesDropped;
        }
        Recorder = null;
        Room = null;
    }

    public RecordingInfo ToInfo()
    {
        var recorder = Recorder;
        return new RecordingInfo(
            Id,
            RoomName,
            Path,
            StartedAt,
            State,
            Error,
            recorder?.Duration ?? _duration,
            recorder?.BytesWritten ?? _bytes,
            recorder?.FramesDropped ?? _dropped,
            EndedAt);
    }
}
