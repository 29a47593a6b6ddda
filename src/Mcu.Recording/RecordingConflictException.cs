namespace Mcu.Recording;

/// <summary>A room is already being recorded (HTTP 409); <see cref="RunningId"/> names that recording.</summary>
public sealed class RecordingConflictException : Exception
{
    public RecordingConflictException()
    {
    }

    public RecordingConflictException(string message)
        : base(message)
    {
    }

    public RecordingConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public RecordingConflictException(string room, string runningId)
        : base($"Room '{room}' is already being recorded (recording '{runningId}').")
    {
        Room = room;
        RunningId = runningId;
    }

    public string? Room { get; }

    public string? RunningId { get; }
}
