using BenchmarkDotNet.Attributes;
using Mcu.Compositor;
using Mcu.Compositor.Layouts;
using Mcu.Media.Native;
using Mcu.Media.Synthetic;
using Mcu.Media.Video;

namespace Mcu.Benchmarks.Compositor;

/// <summary>
/// The compose stage per output frame: 4 or 9 camera pictures (640x360) into a 1280x720 canvas
/// as a 2x2 or 3x3 grid with name labels, every tile changed every frame (the worst case; an
/// unchanged tile costs nothing). <see cref="Compose"/> is the compositor as shipped;
/// <see cref="ComposeLibyuvBox"/> forces libyuv's box filter for every tile, for comparison.
/// </summary>
[MemoryDiagnoser]
public class CompositorBenchmarks
{
    private readonly List<I420Frame> _pictures = [];
    private VideoCompositor? _compositor;
    private VideoCompositor? _libyuvCompositor;
    private LayoutDefinition? _layout;
    private CompositorTile[] _tiles = [];

    /// <summary>Tiles in the grid: 4 (2x2, no scaling needed) or 9 (3x3, 640x360 into 428x240).</summary>
    [Params(4, 9)]
    public int Tiles { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        int side = Tiles == 4 ? 2 : 3;
        var slots = new List<LayoutSlot>();
        for (int row = 0; row < side; row++)
        {
            for (int column = 0; column < side; column++)
            {
                slots.Add(new LayoutSlot((double)column / side, (double)row / side, 1.0 / side, 1.0 / side));
            }
        }

        _layout = new LayoutDefinition($"grid-{side}x{side}", slots, new LayoutColor(0x10, 0x10, 0x10));
        _tiles = new CompositorTile[Tiles];
        for (int i = 0; i < Tiles; i++)
        {
            I420Frame picture = I420Frame.Allocate(640, 360);
            SyntheticVideo.Paint(picture, i * 11);
            _pictures.Add(picture);
            _tiles[i] = new CompositorTile($"participant-{i}", $"Participant {i + 1}", picture, FrameChanged: true);
        }

        _compositor = new VideoCompositor();
        _libyuvCompositor = new VideoCompositor(new CompositorOptions { Filter = ScaleFilter.Box });

        // Render and cache the labels, as a room does on its first frame.
        _compositor.Compose(_layout, _tiles);
        _libyuvCompositor.Compose(_layout, _tiles);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _compositor?.Dispose();
        _libyuvCompositor?.Dispose();
        foreach (I420Frame picture in _pictures)
        {
            picture.Dispose();
        }

        _pictures.Clear();
    }

    [Benchmark(Baseline = true)]
    public I420Frame Compose() => _compositor!.Compose(_layout!, _tiles);

    [Benchmark]
    public I420Frame ComposeLibyuvBox() => _libyuvCompositor!.Compose(_layout!, _tiles);
}
