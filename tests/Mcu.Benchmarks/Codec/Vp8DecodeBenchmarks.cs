using BenchmarkDotNet.Attributes;
using Mcu.Media.Native;
using Mcu.Media.Synthetic;
using Mcu.Media.Video;

namespace Mcu.Benchmarks.Codec;

/// <summary>VP8 decode per frame of a 2 s stream encoded at the default settings (CBR 1.5 Mbit/s).</summary>
public class Vp8DecodeBenchmarks
{
    private const int Frames = 60;

    private readonly List<byte[]> _stream = [];
    private Vp8Decoder? _decoder;

    /// <summary>Frame height; width is 16:9.</summary>
    [Params(720, 360)]
    public int Height { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var settings = new Vp8EncoderSettings { Width = Height * 16 / 9, Height = Height };
        using var encoder = new Vp8Encoder(settings);
        using I420Frame picture = I420Frame.Allocate(settings.Width, settings.Height);
        for (int i = 0; i < Frames; i++)
        {
            SyntheticVideo.Paint(picture, i);
            _stream.Add(encoder.Encode(picture, i * 3000L).Data.ToArray());
        }

        _decoder = new Vp8Decoder();
    }

    [GlobalCleanup]
    public void Cleanup() => _decoder?.Dispose();

    /// <summary>Decodes the whole stream from its keyframe.</summary>
    [Benchmark(OperationsPerInvoke = Frames)]
    public int Decode()
    {
        int decoded = 0;
        foreach (byte[] frame in _stream)
        {
            if (_decoder!.Decode(frame, out _) == Vp8DecodeStatus.Decoded)
            {
                decoded++;
            }
        }

        return decoded;
    }
}
