namespace Mcu.Recording;

/// <summary>What one <see cref="RoomRecorder"/> writes and how much it may queue.</summary>
internal sealed record RoomRecorderSettings
{
    /// <summary>The composite's size, as the room encodes it.</summary>
    public required int Width { get; init; }

    public required int Height { get; init; }

    /// <summary>The room clock's video rate, whose tick times stamp the video; zero to take pts as they come.</summary>
    public int FrameRate { get; init; }

    public string Title { get; init; } = "";

    public DateTimeOffset? StartedAt { get; init; }

    /// <summary>Frames (video and audio together) the writer may fall behind before frames are dropped.</summary>
    public int QueueCapacity { get; init; } = 256;

    /// <summary>The recording's own Opus encode of the full mix.</summary>
    public int AudioBitrateBps { get; init; } = 64_000;

    public string ThreadName { get; init; } = "mcu-recorder";
}
