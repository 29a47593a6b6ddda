namespace Mcu.Recording.Matroska;

/// <summary>What a WebM file holds: one VP8 video track and one Opus audio track.</summary>
internal sealed record WebmSettings
{
    public const int VideoTrack = 1;
    public const int AudioTrack = 2;

    public required int Width { get; init; }

    public required int Height { get; init; }

    /// <summary>Written as the segment's title; clipped to <see cref="MaxTitleLength"/> characters.</summary>
    public string Title { get; init; } = "";

    public const int MaxTitleLength = 128;

    /// <summary>When the recording began (the segment's DateUTC).</summary>
    public DateTimeOffset? StartedAt { get; init; }

    public int AudioSampleRate { get; init; } = 48_000;

    public int AudioChannels { get; init; } = 1;

    /// <summary>Samples the Opus decoder drops at the start: the encoder's lookahead.</summary>
    public int OpusPreSkip { get; init; } = OpusHead.LibopusPreSkip;
}
