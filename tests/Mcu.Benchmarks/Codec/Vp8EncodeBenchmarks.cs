using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Mcu.Media.Native;
using Mcu.Media.Synthetic;
using Mcu.Media.Video;

namespace Mcu.Benchmarks.Codec;

/// <summary>
/// VP8 realtime encode per frame, ours against ffmpeg's libvpx (the Baseline) at the same
/// settings (speed -8, CBR 1.5 Mbit/s, one thread, no look-ahead) on the same frames.
/// </summary>
/// <remarks>
/// Fairness: both sides encode <see cref="Frames"/> frames per invocation, cycling through the
/// same <see cref="DistinctFrames"/> synthetic pictures (ffmpeg loops the raw file the setup
/// writes), and both create their encoder inside the invocation. ffmpeg also pays for process
/// start-up and reading the raw file; <see cref="FfmpegStartupAndRead"/> measures exactly that
/// (same command without the encoder), and the "Net ratio" column is
/// Ours / (Ffmpeg - FfmpegStartupAndRead). The plain Ratio column (Ours / Ffmpeg) still includes
/// that overhead, which at 600 frames is a few percent of ffmpeg's time.
/// </remarks>
[Config(typeof(Vp8EncodeBenchmarks.NetRatioConfig))]
public class Vp8EncodeBenchmarks
{
    /// <summary>Frames encoded per invocation: 20 s of video, so that one-off costs stay small.</summary>
    public const int Frames = 600;

    /// <summary>Distinct pictures cycled through (2 s of motion).</summary>
    public const int DistinctFrames = 60;

    private readonly List<I420Frame> _pictures = [];
    private Vp8EncoderSettings _settings = new();
    private string _rawFile = string.Empty;

    /// <summary>Frame height; width is 16:9.</summary>
    [Params(720, 360)]
    public int Height { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _settings = new Vp8EncoderSettings { Width = Height * 16 / 9, Height = Height };
        for (int i = 0; i < DistinctFrames; i++)
        {
            I420Frame picture = I420Frame.Allocate(_settings.Width, _settings.Height);
            SyntheticVideo.Paint(picture, i);
            _pictures.Add(picture);
        }

        _rawFile = Path.Combine(Path.GetTempPath(), $"mcu-bench-{_settings.Width}x{_settings.Height}-{Environment.ProcessId}.yuv");
        RawVideoFile.Write(_rawFile, _pictures);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        foreach (I420Frame picture in _pictures)
        {
            picture.Dispose();
        }

        _pictures.Clear();
        File.Delete(_rawFile);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Frames)]
    public void Ffmpeg() => FfmpegVp8.Encode(_rawFile, _settings, Frames);

    [Benchmark(OperationsPerInvoke = Frames)]
    public void FfmpegStartupAndRead() => FfmpegVp8.ReadOnly(_rawFile, _settings, Frames);

    [Benchmark(OperationsPerInvoke = Frames)]
    public int Ours()
    {
        using var encoder = new Vp8Encoder(_settings);
        int bytes = 0;
        for (int i = 0; i < Frames; i++)
        {
            bytes += encoder.Encode(_pictures[i % DistinctFrames], i * 3000L).Data.Length;
        }

        return bytes;
    }

    /// <summary>Adds the net-of-overhead ratio column to this class's table.</summary>
    public sealed class NetRatioConfig : ManualConfig
    {
        public NetRatioConfig() => AddColumn(new NetRatioColumn(nameof(Ours), nameof(Ffmpeg), nameof(FfmpegStartupAndRead)));
    }
}
