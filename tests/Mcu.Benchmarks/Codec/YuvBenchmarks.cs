using BenchmarkDotNet.Attributes;
using Mcu.Media.Native;
using Mcu.Media.Synthetic;
using Mcu.Media.Video;

namespace Mcu.Benchmarks.Codec;

/// <summary>libyuv work a compositor does per output frame: scaling tiles and one colour conversion.</summary>
public class YuvBenchmarks
{
    private const int BgraStride = 1280 * 4;

    private readonly byte[] _bgra = new byte[BgraStride * 720];
    private I420Frame? _hd;
    private I420Frame? _sd;
    private I420Frame? _canvas;

    [GlobalSetup]
    public void Setup()
    {
        _hd = I420Frame.Allocate(1280, 720);
        _sd = I420Frame.Allocate(640, 360);
        _canvas = I420Frame.Allocate(1280, 720);
        SyntheticVideo.Paint(_hd, 1);
        SyntheticVideo.Paint(_sd, 1);
        Yuv.ToPacked(_hd.AsView(), _bgra, BgraStride, PackedPixelFormat.Bgra);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _hd?.Dispose();
        _sd?.Dispose();
        _canvas?.Dispose();
    }

    /// <summary>A 720p camera into a quarter tile of a 720p canvas.</summary>
    [Benchmark]
    public void Scale720pToTileBox() => Yuv.Scale(_hd!.AsView(), _canvas!, new PixelRect(640, 0, 640, 360), ScaleFilter.Box);

    [Benchmark]
    public void Scale720pToTileBilinear() => Yuv.Scale(_hd!.AsView(), _canvas!, new PixelRect(640, 0, 640, 360), ScaleFilter.Bilinear);

    /// <summary>A 360p camera enlarged to the whole canvas (speaker view).</summary>
    [Benchmark]
    public void Scale360pUpTo720pBilinear() => Yuv.Scale(_sd!.AsView(), _canvas!, new PixelRect(0, 0, 1280, 720), ScaleFilter.Bilinear);

    [Benchmark]
    public void I420ToBgraAt720p() => Yuv.ToPacked(_hd!.AsView(), _bgra, BgraStride, PackedPixelFormat.Bgra);

    [Benchmark]
    public void BgraToI420At720p() => Yuv.FromPacked(_bgra, BgraStride, PackedPixelFormat.Bgra, _canvas!);

    [Benchmark]
    public void FillAt720p() => Yuv.Fill(_canvas!, new PixelRect(0, 0, 1280, 720), YuvColor.Black);
}
