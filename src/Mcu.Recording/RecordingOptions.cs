namespace Mcu.Recording;

/// <summary>The "Recording" configuration section.</summary>
public sealed class RecordingOptions
{
    public const string Section = "Recording";

    /// <summary>Where files go (created when missing); relative paths are against the working directory.</summary>
    public string Directory { get; set; } = "recordings";

    /// <summary>Record every room while it has members: from its first member until it is empty again.</summary>
    public bool AutoStart { get; set; }

    /// <summary>Bitrate of the recording's own Opus encode of the full mix.</summary>
    public int AudioBitrateBps { get; set; } = 64_000;

    /// <summary>Frames the writer may fall behind (about 3 s of 30 fps video with its audio) before frames are dropped.</summary>
    public int QueueCapacity { get; set; } = 256;

    /// <summary>How long stopping waits for the writer to finish the file.</summary>
    public TimeSpan StopTimeout { get; set; } = TimeSpan.FromSeconds(10);

    internal void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(Directory, nameof(Directory));
        ArgumentOutOfRangeException.ThrowIfLessThan(AudioBitrateBps, 6_000, nameof(AudioBitrateBps));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(AudioBitrateBps, 510_000, nameof(AudioBitrateBps));
        ArgumentOutOfRangeException.ThrowIfLessThan(QueueCapacity, 16, nameof(QueueCapacity));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(StopTimeout, TimeSpan.Zero, nameof(StopTimeout));
    }
}
