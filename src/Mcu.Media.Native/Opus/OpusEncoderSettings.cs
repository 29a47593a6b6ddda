using Mcu.Media.Native.Interop;

namespace Mcu.Media.Native;

/// <summary>Configuration of an <see cref="OpusEncoder"/>: by default 48 kHz mono speech, 20 ms frames, 32 kbit/s.</summary>
public sealed record OpusEncoderSettings
{
    /// <summary>The lowest bitrate accepted, in bits per second.</summary>
    public const int MinBitrateBps = 6_000;

    /// <summary>The highest bitrate accepted, in bits per second.</summary>
    public const int MaxBitrateBps = 510_000;

    /// <summary>
    /// Settings for the conference's mixed outputs (the shared mix and each speaker's mix-minus):
    /// the defaults with complexity 5 and DTX, so that a room's encodes fit its CPU budget and
    /// silent mixes cost almost nothing.
    /// </summary>
    public static OpusEncoderSettings RoomMix { get; } = new() { Complexity = 5, Dtx = true };

    /// <summary>Samples per second per channel: 8000, 12000, 16000, 24000 or 48000 (WebRTC: 48000).</summary>
    public int SampleRate { get; init; } = 48_000;

    /// <summary>1 (mono) or 2 (stereo, interleaved).</summary>
    public int Channels { get; init; } = 1;

    /// <summary>Duration of each encoded frame: 10, 20, 40 or 60 ms.</summary>
    public TimeSpan FrameDuration { get; init; } = TimeSpan.FromMilliseconds(20);

    /// <summary>Target bitrate in bits per second, 6000..510000.</summary>
    public int BitrateBps { get; init; } = 32_000;

    /// <summary>The libopus application mode.</summary>
    public OpusApplication Application { get; init; } = OpusApplication.Voip;

    /// <summary>Encoder effort 0..10.</summary>
    public int Complexity { get; init; } = 9;

    /// <summary>Carry a low-bitrate copy of each frame in the next one (RFC 6716 section 2.1.7).</summary>
    public bool InbandFec { get; init; } = true;

    /// <summary>
    /// Expected packet loss 0..100 %. libopus spends FEC bits only when this is high enough for
    /// the bitrate: at 32 kbit/s, 5 % turns FEC off after a while, 10 % keeps it on.
    /// </summary>
    public int PacketLossPercent { get; init; } = 10;

    /// <summary>Discontinuous transmission: tiny packets during silence.</summary>
    public bool Dtx { get; init; }

    /// <summary>Samples per channel in one frame.</summary>
    public int FrameSamplesPerChannel => (int)(SampleRate * FrameDuration.Ticks / TimeSpan.TicksPerSecond);

    /// <summary>Checks every value, naming the first bad one.</summary>
    /// <exception cref="ArgumentException">A value is out of range.</exception>
    public void Validate()
    {
        if (SampleRate is not (8_000 or 12_000 or 16_000 or 24_000 or 48_000))
        {
            Invalid($"SampleRate must be 8000, 12000, 16000, 24000 or 48000 Hz (was {SampleRate}).");
        }

        if (Channels is not (1 or 2))
        {
            Invalid($"Channels must be 1 or 2 (was {Channels}).");
        }

        double ms = FrameDuration.TotalMilliseconds;
        if (ms is not (10 or 20 or 40 or 60))
        {
            Invalid($"FrameDuration must be 10, 20, 40 or 60 ms (was {ms} ms).");
        }

        CheckBitrate(BitrateBps, "settings");
        if (!Enum.IsDefined(Application))
        {
            Invalid($"Application {(int)Application} is not an OpusApplication.");
        }

        if (Complexity is < 0 or > 10)
        {
            Invalid($"Complexity must be between 0 and 10 (was {Complexity}).");
        }

        CheckPacketLoss(PacketLossPercent, "settings");
    }

    internal NativeOpusEncoderConfig ToNative() => new()
    {
        SampleRate = SampleRate,
        Channels = Channels,
        Application = (int)Application,
        BitrateBps = BitrateBps,
        Complexity = Complexity,
        InbandFec = InbandFec ? 1 : 0,
        PacketLossPct = PacketLossPercent,
        Dtx = Dtx ? 1 : 0,
    };

    internal static void CheckBitrate(int bitrateBps, string paramName)
    {
        if (bitrateBps is < MinBitrateBps or > MaxBitrateBps)
        {
            ThrowHelper.ThrowArgument($"The Opus bitrate must be between {MinBitrateBps} and {MaxBitrateBps} bit/s (was {bitrateBps}).", paramName);
        }
    }

    internal static void CheckPacketLoss(int percent, string paramName)
    {
        if (percent is < 0 or > 100)
        {
            ThrowHelper.ThrowArgument($"The expected packet loss must be between 0 and 100 % (was {percent}).", paramName);
        }
    }

    private static void Invalid(string message) => ThrowHelper.ThrowArgument(message, "settings");
}
