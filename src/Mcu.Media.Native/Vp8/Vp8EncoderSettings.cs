using Mcu.Media.Native.Interop;

namespace Mcu.Media.Native;

/// <summary>
/// Configuration of a realtime CBR <see cref="Vp8Encoder"/>. The defaults follow what WebRTC
/// senders use for VP8: 720p30 at 1.5 Mbit/s, fixed speed -8, one thread, error resilient.
/// </summary>
public sealed record Vp8EncoderSettings
{
    /// <summary>The largest width or height (VP8's 14-bit size field, kept even).</summary>
    public const int MaxDimension = 16382;

    /// <summary>The lowest CBR target accepted, in bits per second.</summary>
    public const int MinBitrateBps = 10_000;

    /// <summary>The highest CBR target accepted, in bits per second.</summary>
    public const int MaxBitrateBps = 100_000_000;

    /// <summary>Frame width in pixels: even, 2..16382.</summary>
    public int Width { get; init; } = 1280;

    /// <summary>Frame height in pixels: even, 2..16382.</summary>
    public int Height { get; init; } = 720;

    /// <summary>Nominal frames per second, 1..1000; rate control uses real pts gaps when they differ.</summary>
    public int FrameRate { get; init; } = 30;

    /// <summary>CBR target in bits per second, 10 kbit/s .. 100 Mbit/s.</summary>
    public int BitrateBps { get; init; } = 1_500_000;

    /// <summary>
    /// libvpx cpu-used, -16..-1 (faster towards -16). Only negative values are accepted: a
    /// positive one lets libvpx choose its speed itself, which costs about 1.7x more CPU here.
    /// </summary>
    public int Speed { get; init; } = -8;

    /// <summary>Encoder threads, 1..16.</summary>
    public int Threads { get; init; } = 1;

    /// <summary>Most frames between two keyframes, 1..100000; keyframes also come on request.</summary>
    public int KeyframeInterval { get; init; } = 300;

    /// <summary>DCT token partitions per frame.</summary>
    public Vp8TokenPartitions TokenPartitions { get; init; } = Vp8TokenPartitions.One;

    /// <summary>No entropy state carried between frames, so one lost frame does not spoil the next ones.</summary>
    public bool ErrorResilient { get; init; } = true;

    /// <summary>Lowest quantizer index, 0..63.</summary>
    public int MinQuantizer { get; init; } = 2;

    /// <summary>Highest quantizer index, MinQuantizer..63.</summary>
    public int MaxQuantizer { get; init; } = 56;

    /// <summary>Rate-control buffer size in milliseconds of the target rate (WebRTC: 1000).</summary>
    public int BufferSizeMs { get; init; } = 1000;

    /// <summary>Buffer level at start, 1..BufferSizeMs (WebRTC: 500).</summary>
    public int BufferInitialMs { get; init; } = 500;

    /// <summary>Buffer level rate control aims for, 1..BufferSizeMs (WebRTC: 600).</summary>
    public int BufferOptimalMs { get; init; } = 600;

    /// <summary>How far below target a frame may fall, 0..100 %.</summary>
    public int UndershootPercent { get; init; } = 100;

    /// <summary>How far above target a frame may go, 0..100 %.</summary>
    public int OvershootPercent { get; init; } = 15;

    /// <summary>
    /// Keyframe size cap as a percentage of the per-frame budget (0 = none). 900 % is WebRTC's
    /// rule (optimal buffer x fps / 20), so a keyframe cannot flood the link.
    /// </summary>
    public int MaxIntraBitratePercent { get; init; } = 900;

    /// <summary>Blocks changing less than this are skipped, 0..100000 (WebRTC: 1).</summary>
    public int StaticThreshold { get; init; } = 1;

    /// <summary>Temporal denoiser strength, 0 (off, right for rendered composites)..6.</summary>
    public int NoiseSensitivity { get; init; }

    /// <summary>Buffer level (%) below which rate control drops frames, 0 (never)..100.</summary>
    public int DropFrameThreshold { get; init; }

    /// <summary>Checks every value, naming the first bad one.</summary>
    /// <exception cref="ArgumentException">A value is out of range.</exception>
    public void Validate()
    {
        if (Width < 2 || Width > MaxDimension || Height < 2 || Height > MaxDimension || ((Width | Height) & 1) != 0)
        {
            Invalid($"Width and Height must be even and between 2 and {MaxDimension} (were {Width}x{Height}).");
        }

        Check(FrameRate, 1, 1000, nameof(FrameRate));
        Check(BitrateBps, MinBitrateBps, MaxBitrateBps, nameof(BitrateBps));
        if (Speed is < -16 or > -1)
        {
            Invalid($"Speed must be a fixed libvpx speed between -16 and -1 (was {Speed}); positive values make libvpx pick its own speed.");
        }

        Check(Threads, 1, 16, nameof(Threads));
        Check(KeyframeInterval, 1, 100_000, nameof(KeyframeInterval));
        Check((int)TokenPartitions, 0, 3, nameof(TokenPartitions));
        Check(MinQuantizer, 0, 63, nameof(MinQuantizer));
        Check(MaxQuantizer, MinQuantizer, 63, nameof(MaxQuantizer));
        Check(BufferSizeMs, 1, 60_000, nameof(BufferSizeMs));
        Check(BufferInitialMs, 1, BufferSizeMs, nameof(BufferInitialMs));
        Check(BufferOptimalMs, 1, BufferSizeMs, nameof(BufferOptimalMs));
        Check(UndershootPercent, 0, 100, nameof(UndershootPercent));
        Check(OvershootPercent, 0, 100, nameof(OvershootPercent));
        Check(MaxIntraBitratePercent, 0, 10_000, nameof(MaxIntraBitratePercent));
        Check(StaticThreshold, 0, 100_000, nameof(StaticThreshold));
        Check(NoiseSensitivity, 0, 6, nameof(NoiseSensitivity));
        Check(DropFrameThreshold, 0, 100, nameof(DropFrameThreshold));
    }

    internal NativeVp8EncoderConfig ToNative() => new()
    {
        Width = Width,
        Height = Height,
        FpsNum = FrameRate,
        FpsDen = 1,
        BitrateBps = BitrateBps,
        Speed = Speed,
        Threads = Threads,
        KeyframeInterval = KeyframeInterval,
        TokenPartitions = (int)TokenPartitions,
        ErrorResilient = ErrorResilient ? 1 : 0,
        MinQuantizer = MinQuantizer,
        MaxQuantizer = MaxQuantizer,
        BufferSizeMs = BufferSizeMs,
        BufferInitialMs = BufferInitialMs,
        BufferOptimalMs = BufferOptimalMs,
        UndershootPct = UndershootPercent,
        OvershootPct = OvershootPercent,
        MaxIntraBitratePct = MaxIntraBitratePercent,
        StaticThreshold = StaticThreshold,
        NoiseSensitivity = NoiseSensitivity,
        DropFrameThreshold = DropFrameThreshold,
    };

    internal static void CheckBitrate(int bitrateBps, string paramName)
    {
        if (bitrateBps is < MinBitrateBps or > MaxBitrateBps)
        {
            ThrowHelper.ThrowArgument($"The VP8 bitrate must be between 10 kbit/s and 100 Mbit/s (was {bitrateBps} bit/s).", paramName);
        }
    }

    private static void Check(int value, int min, int max, string name)
    {
        if (value < min || value > max)
        {
            Invalid($"{name} must be between {min} and {max} (was {value}).");
        }
    }

    private static void Invalid(string message) => ThrowHelper.ThrowArgument(message, "settings");
}
