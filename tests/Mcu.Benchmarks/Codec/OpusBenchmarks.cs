using BenchmarkDotNet.Attributes;
using Mcu.Media.Native;
using Mcu.Media.Synthetic;

namespace Mcu.Benchmarks.Codec;

/// <summary>Opus encode and decode of one 20 ms frame at the default settings (48 kHz mono, 32 kbit/s, FEC).</summary>
public class OpusBenchmarks
{
    private const int FrameCount = 50;
    private const int Frame = 960;

    private readonly short[] _signal = new short[Frame * FrameCount];
    private readonly short[] _pcm = new short[Frame];
    private readonly byte[] _packet = new byte[1500];
    private readonly List<byte[]> _packets = [];
    private OpusEncoder? _encoder;
    private OpusDecoder? _decoder;
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        SyntheticAudio.Tone(_signal, 1, 48_000, 440, 0.5, 0);
        _encoder = new OpusEncoder(new OpusEncoderSettings());
        _decoder = new OpusDecoder();
        for (int i = 0; i < FrameCount; i++)
        {
            int length = _encoder.Encode(_signal.AsSpan(i * Frame, Frame), _packet);
            _packets.Add(_packet.AsSpan(0, length).ToArray());
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _encoder?.Dispose();
        _decoder?.Dispose();
    }

    [Benchmark]
    public int Encode20ms()
    {
        int i = _next++ % FrameCount;
        return _encoder!.Encode(_signal.AsSpan(i * Frame, Frame), _packet);
    }

    [Benchmark]
    public int Decode20ms()
    {
        _decoder!.TryDecode(_packets[_next++ % FrameCount], _pcm, out int samples);
        return samples;
    }
}
