namespace Mcu.Recording;

/// <summary>Where a recording is in its life.</summary>
public enum RecordingState
{
    /// <summary>Frames are being written.</summary>
    Running,

    /// <summary>Stopped and finalized: the file is complete.</summary>
    Finished,

    /// <summary>Stopped by an error (see <see cref="RecordingInfo.Error"/>); the file holds what was written before it.</summary>
    Failed,
}
