namespace Mcu.Media.Codecs;

/// <summary>Encodes fixed-size frames of 16-bit interleaved PCM into codec packets. Not thread-safe.</summary>
public interface IAudioEncoder : IDisposable
{
    /// <summary>Samples per second per channel of the input PCM.</summary>
    int SampleRate { get; }

    /// <summary>Channels in the interleaved input.</summary>
    int Channels { get; }

    /// <summary>Samples per channel in the one frame size <see cref="Encode"/> accepts.</summary>
    int FrameSamplesPerChannel { get; }

    /// <summary>
    /// Encodes exactly one frame into <paramref name="destination"/> and returns the packet length;
    /// the destination length caps the packet size.
    /// </summary>
    int Encode(ReadOnlySpan<short> pcm, Span<byte> destination);

    /// <summary>Changes the target bitrate from the next frame on.</summary>
    void SetBitrate(int bitrateBps);

    /// <summary>Tells the encoder the loss its receivers report (0..100 %), so it sizes its redundancy.</summary>
    void SetPacketLossPercent(int percent);
}
