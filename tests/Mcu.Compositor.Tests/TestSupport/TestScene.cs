using Mcu.Compositor.Layouts;
using Mcu.Media.Video;

namespace Mcu.Compositor.Tests;

/// <summary>
/// A room for composing: participants with distinct solid colours (alternately 4:3 and 16:9
/// pictures), one of them without video, assigned to a layout's slots.
/// </summary>
internal sealed class TestScene : IDisposable
{
    /// <summary>Distinct, saturated colours, far from the backgrounds and the placeholder grey.</summary>
    public static readonly (byte R, byte G, byte B)[] Palette =
    [
        (230, 40, 40), (40, 200, 60), (50, 90, 230), (240, 220, 40),
        (220, 50, 220), (40, 210, 220), (250, 140, 30), (140, 60, 200),
        (150, 230, 110), (250, 170, 190), (110, 60, 20), (20, 110, 110),
        (200, 200, 255), (130, 130, 30), (255, 255, 255), (100, 20, 60),
    ];

    private readonly List<I420Frame?> _frames = [];

    /// <param name="count">Participants, in join order.</param>
    /// <param name="withoutVideo">Join-order index of the participant who sends no video, or -1.</param>
    public TestScene(int count, int withoutVideo)
    {
        for (int i = 0; i < count; i++)
        {
            (byte r, byte g, byte b) = Palette[i % Palette.Length];
            _frames.Add(i == withoutVideo ? null : TestFrames.Solid(i % 2 == 0 ? 240 : 320, 180, YuvColor.FromRgb(r, g, b)));
        }
    }

    public int Count => _frames.Count;

    public static YuvColor ColourOf(int participant)
    {
        (byte r, byte g, byte b) = Palette[participant % Palette.Length];
        return YuvColor.FromRgb(r, g, b);
    }

    public static string NameOf(int participant) => $"Participant {participant + 1}";

    public I420Frame? FrameOf(int participant) => _frames[participant];

    /// <summary>Tiles for the layout with <paramref name="speaker"/> speaking; slotParticipants receives who is where.</summary>
    public CompositorTile[] Tiles(LayoutDefinition layout, int speaker, int[] slotParticipants, bool changed = true)
    {
        SlotAssignment.Assign(layout, Count, speaker, slotParticipants);
        var tiles = new CompositorTile[layout.Slots.Length];
        for (int i = 0; i < tiles.Length; i++)
        {
            int p = slotParticipants[i];
            tiles[i] = p == SlotAssignment.Empty ? default : new CompositorTile($"id-{p}", NameOf(p), _frames[p], changed);
        }

        return tiles;
    }

    public void Dispose()
    {
        foreach (I420Frame? frame in _frames)
        {
            frame?.Dispose();
        }
    }
}
