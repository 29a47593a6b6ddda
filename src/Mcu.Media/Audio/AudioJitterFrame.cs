namespace Mcu.Media.Audio;

/// <summary>
/// One step of playout from an <see cref="AudioJitterBuffer"/>. The payload stays valid until the
/// buffer's next Insert or Pop.
/// </summary>
public readonly ref struct AudioJitterFrame
{
    internal AudioJitterFrame(AudioJitterStatus status, ReadOnlySpan<byte> payload, int samples, bool nextPacketPresent, byte? audioLevel)
    {
        Status = status;
        Payload = payload;
        Samples = samples;
        NextPacketPresent = nextPacketPresent;
        AudioLevel = audioLevel;
    }

    /// <summary>Whether this step has a packet, a gap, or nothing.</summary>
    public AudioJitterStatus Status { get; }

    /// <summary>
    /// For <see cref="AudioJitterStatus.Packet"/> the packet due now; for
    /// <see cref="AudioJitterStatus.Missing"/> with <see cref="NextPacketPresent"/>, the packet
    /// right after the gap (whose FEC recovers it; it is popped normally next). Otherwise empty.
    /// </summary>
    public ReadOnlySpan<byte> Payload { get; }

    /// <summary>The duration this step covers, in RTP clock units (a whole number of 2.5 ms).</summary>
    public int Samples { get; }

    /// <summary>For a gap: the packet that directly follows it is buffered (FEC can recover the gap).</summary>
    public bool NextPacketPresent { get; }

    /// <summary>The packet's RFC 6464 level in -dBov (0..127) when it carried one.</summary>
    public byte? AudioLevel { get; }
}
