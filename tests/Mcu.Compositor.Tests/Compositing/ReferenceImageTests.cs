using Mcu.Compositor.Layouts;
using Mcu.Media.Video;

namespace Mcu.Compositor.Tests.Compositing;

/// <summary>
/// Every shipped layout composed from solid-colour participants (one without video) and compared
/// with the PNG committed under References/. MCU_UPDATE_REFERENCES=1 rewrites the PNGs instead.
/// </summary>
public class ReferenceImageTests
{
    private const int Width = 640;
    private const int Height = 360;

    /// <summary>Per channel: scaler rounding and font hinting differences, not a visible change.</summary>
    private const int Tolerance = 10;

    /// <summary>Antialiased text edges may move with the font version; a moved tile would not fit this.</summary>
    private const double MaxDifferingShare = 0.005;

    public static TheoryData<string> Layouts()
    {
        var data = new TheoryData<string>();
        foreach (string path in Directory.GetFiles(RepoPaths.Layouts, "*.json").Order(StringComparer.Ordinal))
        {
            if (LayoutParser.TryParse(Path.GetFileName(path), File.ReadAllBytes(path), out NamedLayout? layout, out _)
                && layout is LayoutDefinition)
            {
                data.Add(layout.Name);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Layouts))]
    public void Composite_matches_the_reference_image(string name)
    {
        LayoutDefinition layout = Load(name);

        // Everyone the layout can show; the second to join sends no video; the third speaks.
        using var scene = new TestScene(layout.Capacity, withoutVideo: Math.Min(1, layout.Capacity - 1));
        int[] slotParticipants = new int[layout.Slots.Length];
        using var compositor = new VideoCompositor(new CompositorOptions { Width = Width, Height = Height });
        I420Frame canvas = compositor.Compose(layout, scene.Tiles(layout, speaker: Math.Min(2, layout.Capacity - 1), slotParticipants));

        AssertSlotColours(layout, canvas, scene, slotParticipants);
        byte[] actual = ImageFiles.ToBgra(canvas);
        string path = Path.Combine(RepoPaths.References, name + ".png");
        if (Environment.GetEnvironmentVariable("MCU_UPDATE_REFERENCES") == "1")
        {
            File.WriteAllBytes(path, ImageFiles.EncodePng(actual, Width, Height));
            return;
        }

        Assert.True(File.Exists(path), $"{path} is missing: run the tests with MCU_UPDATE_REFERENCES=1 and commit the PNGs");
        (byte[] expected, int width, int height) = ImageFiles.DecodePng(File.ReadAllBytes(path)) ?? throw new InvalidDataException(path + " is not a PNG");
        Assert.Equal((Width, Height), (width, height));
        double share = ImageFiles.DifferingShare(expected, actual, Tolerance);
        Assert.True(share <= MaxDifferingShare, $"{share:P2} of the pixels differ from {path} by more than {Tolerance}");
    }

    [Fact]
    public void A_wrong_picture_does_not_match()
    {
        // The comparison must catch a swapped pair of tiles, or it proves nothing.
        LayoutDefinition layout = Load("grid-2x2");
        using var scene = new TestScene(4, withoutVideo: -1);
        int[] slots = new int[4];
        using var compositor = new VideoCompositor(new CompositorOptions { Width = Width, Height = Height });
        byte[] straight = ImageFiles.ToBgra(compositor.Compose(layout, scene.Tiles(layout, 0, slots)));
        CompositorTile[] tiles = scene.Tiles(layout, 0, slots);
        (tiles[0], tiles[1]) = (tiles[1], tiles[0]);
        byte[] swapped = ImageFiles.ToBgra(compositor.Compose(layout, tiles));

        Assert.True(ImageFiles.DifferingShare(straight, swapped, Tolerance) > MaxDifferingShare);
    }

    /// <summary>What end-to-end tests read: the centre of each visible slot shows its participant.</summary>
    private static void AssertSlotColours(LayoutDefinition layout, I420Frame canvas, TestScene scene, int[] slotParticipants)
    {
        for (int i = 0; i < layout.Slots.Length; i++)
        {
            PixelRect rect = SlotGeometry.SlotRect(layout.Slots[i], canvas.Width, canvas.Height);
            int p = slotParticipants[i];
            int x = rect.X + (rect.Width / 2);
            int y = rect.Y + (rect.Height / 2);
            if (p == SlotAssignment.Empty || CoveredByHigherSlot(layout, i, x, y, canvas))
            {
                continue;
            }

            if (scene.FrameOf(p) is null)
            {
                // The placeholder: its colour above the centred name.
                TestFrames.AssertNear(new CompositorOptions().PlaceholderColor.ToYuv(), TestFrames.PixelAt(canvas, x, rect.Y + (rect.Height / 6)), $"{layout.Name} slot {i} placeholder");
            }
            else
            {
                TestFrames.AssertNear(TestScene.ColourOf(p), TestFrames.PixelAt(canvas, x, y), $"{layout.Name} slot {i} centre");
            }
        }
    }

    private static bool CoveredByHigherSlot(LayoutDefinition layout, int index, int x, int y, I420Frame canvas)
    {
        for (int j = 0; j < layout.Slots.Length; j++)
        {
            LayoutSlot other = layout.Slots[j];
            bool higher = other.Z > layout.Slots[index].Z || (other.Z == layout.Slots[index].Z && j > index);
            PixelRect r = SlotGeometry.SlotRect(other, canvas.Width, canvas.Height);
            if (higher && x >= r.X && x < r.Right && y >= r.Y && y < r.Bottom)
            {
                return true;
            }
        }

        return false;
    }

    private static LayoutDefinition Load(string name)
    {
        string path = Path.Combine(RepoPaths.Layouts, name + ".json");
        Assert.True(LayoutParser.TryParse(Path.GetFileName(path), File.ReadAllBytes(path), out NamedLayout? layout, out LayoutError? error), error?.ToString());
        return Assert.IsType<LayoutDefinition>(layout);
    }
}
