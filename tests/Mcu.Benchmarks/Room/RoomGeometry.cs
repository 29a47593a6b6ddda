using Mcu.Compositor;
using Mcu.Compositor.Layouts;
using Mcu.Conference;
using Mcu.Media.Video;

namespace Mcu.Benchmarks.Room;

/// <summary>
/// Where each participant's picture goes on the composite, computed by the room's own layout
/// code (the "auto" layout from layouts/, slot rectangles and cover crops), so that the
/// references draw exactly the tiles our room draws.
/// </summary>
internal static class RoomGeometry
{
    /// <summary>For participant i (join order): its slot on the canvas and the crop of its picture scaled into it.</summary>
    public static IReadOnlyList<(PixelRect Slot, PixelRect Crop)> Tiles(LayoutCatalog catalog, RoomOptions room, int participants, int sourceWidth, int sourceHeight)
    {
        LayoutDefinition layout = catalog.Resolve(room.DefaultLayout, participants)
            ?? throw new InvalidOperationException($"layouts/ has no '{room.DefaultLayout}' layout for {participants} participants.");
        Span<int> occupants = stackalloc int[layout.Slots.Length];
        SlotAssignment.Assign(layout, participants, -1, occupants);
        var tiles = new (PixelRect, PixelRect)[participants];
        for (int slot = 0; slot < layout.Slots.Length; slot++)
        {
            if (occupants[slot] < 0)
            {
                continue;
            }

            LayoutSlot definition = layout.Slots[slot];
            if (definition.Fit != SlotFit.Cover)
            {
                throw new InvalidOperationException($"The '{layout.Name}' layout letterboxes; the references only crop to fill.");
            }

            PixelRect rect = SlotGeometry.SlotRect(definition, room.Width, room.Height);
            tiles[occupants[slot]] = (rect, SlotGeometry.CoverCrop(sourceWidth, sourceHeight, rect));
        }

        return tiles;
    }
}
