namespace Mcu.Rtp.Opus;

/// <summary>The table-of-contents byte that starts every Opus packet (RFC 6716 section 3.1).</summary>
public readonly record struct OpusToc(byte Value)
{
    /// <summary>Configuration number 0-31: mode, bandwidth and frame size.</summary>
    public int Configuration => Value >> 3;

    public bool IsStereo => (Value & 0x04) != 0;

    /// <summary>Frame count code c: 0 one frame, 1 two equal frames, 2 two frames, 3 an arbitrary number.</summary>
    public int FrameCountCode => Value & 0x03;

    public OpusMode Mode => Configuration switch
    {
        < 12 => OpusMode.Silk,
        < 16 => OpusMode.Hybrid,
        _ => OpusMode.Celt,
    };

    public OpusBandwidth Bandwidth => Configuration switch
    {
        < 4 => OpusBandwidth.Narrowband,
        < 8 => OpusBandwidth.Mediumband,
        < 12 => OpusBandwidth.Wideband,
        < 14 => OpusBandwidth.SuperWideband,
        < 16 => OpusBandwidth.Fullband,
        < 20 => OpusBandwidth.Narrowband,
        < 24 => OpusBandwidth.Wideband,
        < 28 => OpusBandwidth.SuperWideband,
        _ => OpusBandwidth.Fullband,
    };

    /// <summary>Duration of each frame in 48 kHz samples (RTP clock ticks for Opus, RFC 7587 section 4.1).</summary>
    public int SamplesPerFrame
    {
        get
        {
            var configuration = Configuration;
            if (configuration < 12)
            {
                // SILK: 10, 20, 40, 60 ms.
                return (configuration & 3) switch { 0 => 480, 1 => 960, 2 => 1920, _ => 2880 };
            }
            if (configuration < 16)
            {
                // Hybrid: 10, 20 ms.
                return (configuration & 1) == 0 ? 480 : 960;
            }
            // CELT: 2.5, 5, 10, 20 ms.
            return 120 << (configuration & 3);
        }
    }

    public TimeSpan FrameDuration => TimeSpan.FromTicks(SamplesPerFrame * TimeSpan.TicksPerSecond / OpusPayload.ClockRate);
}
