namespace Mcu.Conference;

/// <summary>How a room composes and encodes; the defaults are the issue's: 720p30 VP8 at 1.5 Mbps.</summary>
public sealed class RoomOptions
{
    public int Width { get; set; } = 1280;

    public int Height { get; set; } = 720;

    public int FrameRate { get; set; } = 30;

    /// <summary>Start and ceiling of the composite's bitrate; receivers' REMB estimates move it between floor and this.</summary>
    public int VideoBitrateBps { get; set; } = 1_500_000;

    public int MinVideoBitrateBps { get; set; } = 300_000;

    /// <summary>Keyframe requests from receivers are served at most this often.</summary>
    public TimeSpan KeyframeMinInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>A keyframe at least this often even if nobody asks; zero for none.</summary>
    public TimeSpan KeyframeInterval { get; set; } = TimeSpan.Zero;

    /// <summary>The layout a new room uses (a layout or a group name from the layouts directory).</summary>
    public string DefaultLayout { get; set; } = "auto";

    /// <summary>How long the active speaker keeps the speaker slot at least.</summary>
    public TimeSpan SpeakerMinimumHold { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Participants, publishers and viewers together; joins beyond it are refused.</summary>
    public int MaxMembers { get; set; } = 64;

    internal void Validate()
    {
        if (Width < 16 || Height < 16 || Width % 2 != 0 || Height % 2 != 0 || Width > 3840 || Height > 2160)
        {
            throw new ArgumentException($"Room size {Width}x{Height} is not an even size between 16x16 and 3840x2160.");
        }
        ArgumentOutOfRangeException.ThrowIfLessThan(FrameRate, 1, nameof(FrameRate));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(FrameRate, 60, nameof(FrameRate));
        ArgumentOutOfRangeException.ThrowIfLessThan(MinVideoBitrateBps, 50_000, nameof(MinVideoBitrateBps));
        ArgumentOutOfRangeException.ThrowIfLessThan(VideoBitrateBps, MinVideoBitrateBps, nameof(VideoBitrateBps));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxMembers, 1, nameof(MaxMembers));
    }
}
