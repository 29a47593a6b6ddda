namespace Mcu.Rtp.Opus;

/// <summary>What a validated Opus packet holds: its TOC, frame count and total duration.</summary>
public readonly record struct OpusPacketInfo(OpusToc Toc, int FrameCount)
{
    /// <summary>Total duration in 48 kHz samples: the RTP timestamp advance for this packet.</summary>
    public int Samples => FrameCount * Toc.SamplesPerFrame;

    public TimeSpan Duration => TimeSpan.FromTicks(Samples * TimeSpan.TicksPerSecond / OpusPayload.ClockRate);
}
