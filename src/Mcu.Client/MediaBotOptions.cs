using System.Net;
using Mcu.Media.Video;

namespace Mcu.Client;

/// <summary>What a <see cref="MediaBot"/> sends, and how.</summary>
public sealed class MediaBotOptions
{
    /// <summary>Local address to bind and announce.</summary>
    public IPAddress BindAddress { get; init; } = IPAddress.Loopback;

    /// <summary>Send video at all.</summary>
    public bool SendVideo { get; init; } = true;

    /// <summary>Send audio at all.</summary>
    public bool SendAudio { get; init; } = true;

    /// <summary>Receive the mix (a participant or viewer); false for a publisher, or a bot that only watches.</summary>
    public bool ReceiveAudio { get; init; } = true;

    /// <summary>Receive the composite; false for a publisher, or a bot that only listens (cheap for audio load tests).</summary>
    public bool ReceiveVideo { get; init; } = true;

    public int Width { get; init; } = 640;

    public int Height { get; init; } = 360;

    public int FrameRate { get; init; } = 30;

    public int VideoBitrateBps { get; init; } = 600_000;

    /// <summary>A solid colour instead of the moving test pattern: a tile's colour then proves whose video it is.</summary>
    public YuvColor? SolidColor { get; init; }

    /// <summary>
    /// With <see cref="SolidColor"/>: the video switches to this colour and back every
    /// <see cref="ColorPeriodFrames"/> frames, a marker whose send times the bot notes
    /// (<see cref="MediaBot.ColorSwitchesSent"/>), e.g. to measure a server's latency.
    /// </summary>
    public YuvColor? AlternateColor { get; init; }

    /// <summary>Frames of each colour when <see cref="AlternateColor"/> is set.</summary>
    public int ColorPeriodFrames { get; init; } = 10;

    /// <summary>
    /// Decode what arrives (the default). False only reassembles and counts the received frames
    /// (<see cref="MediaBot.VideoFramesReceived"/>), for load tests whose receivers must cost little.
    /// </summary>
    public bool DecodeReceived { get; init; } = true;

    /// <summary>Tone frequency in Hz.</summary>
    public double ToneHertz { get; init; } = 440;

    /// <summary>
    /// Drop this share of received video packets on purpose (0..1), as a lossy network would;
    /// the bot then asks for them again with NACKs. For proving retransmission.
    /// </summary>
    public double SimulatedVideoLoss { get; init; }

    /// <summary>Connect without sending (resume with <see cref="MediaBot.SendingPaused"/>).</summary>
    public bool StartPaused { get; init; }

    /// <summary>
    /// Encode this many video frames once and loop them (starting with a keyframe), so that a
    /// load test's bots cost little CPU. 0 encodes every frame live.
    /// </summary>
    public int PreEncodedFrames { get; init; }

    /// <summary>
    /// VP8 frames to loop instead of the test pattern, the first a keyframe (e.g. an
    /// <see cref="Mcu.Media.Containers.IvfFile"/>'s): a recorded camera, as cheap to send as
    /// <see cref="PreEncodedFrames"/>. The colour options do not apply.
    /// </summary>
    public IReadOnlyList<byte[]>? VideoClip { get; init; }

    /// <summary>
    /// Encode one second of the tone once and loop it (a whole-hertz tone repeats every second),
    /// so that a load test's bots cost little CPU. Otherwise every 20 ms frame is encoded live.
    /// </summary>
    public bool LoopAudio { get; init; }
}
