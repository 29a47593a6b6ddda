using Mcu.Compositor.Layouts;

namespace Mcu.Compositor.Tests.Layouts;

public class ShippedLayoutsTests
{
    public static TheoryData<string> ShippedNames => ["single", "grid-2x2", "grid-3x3", "grid-4x4", "speaker", "side-by-side", "picture-in-picture", "auto"];

    [Fact]
    public void Every_file_in_layouts_loads_without_error()
    {
        foreach (string path in Directory.GetFiles(RepoPaths.Layouts, "*.json"))
        {
            Assert.True(LayoutParser.TryParse(Path.GetFileName(path), File.ReadAllBytes(path), out _, out LayoutError? error), error?.ToString());
        }

        using var catalog = new LayoutCatalog(RepoPaths.Layouts, new LayoutCatalogOptions { WatchFileSystem = false });
        Assert.Empty(catalog.Current.Errors);
        Assert.Equal(Directory.GetFiles(RepoPaths.Layouts, "*.json").Length, catalog.Current.Layouts.Length);
    }

    [Theory]
    [MemberData(nameof(ShippedNames))]
    public void The_required_layouts_are_shipped(string name)
    {
        using var catalog = new LayoutCatalog(RepoPaths.Layouts, new LayoutCatalogOptions { WatchFileSystem = false });
        Assert.NotNull(catalog.Current.Find(name));
    }

    [Theory]
    [InlineData(0, "single")]
    [InlineData(1, "single")]
    [InlineData(2, "side-by-side")]
    [InlineData(3, "grid-2x2")]
    [InlineData(4, "grid-2x2")]
    [InlineData(5, "grid-3x3")]
    [InlineData(9, "grid-3x3")]
    [InlineData(10, "grid-4x4")]
    [InlineData(40, "grid-4x4")]
    public void Auto_chooses_by_participant_count(int count, string expected)
    {
        using var catalog = new LayoutCatalog(RepoPaths.Layouts, new LayoutCatalogOptions { WatchFileSystem = false });
        LayoutDefinition layout = catalog.Resolve(LayoutSnapshot.DefaultLayoutName, count)!;
        Assert.Equal(expected, layout.Name);
        Assert.True(layout.Capacity >= Math.Min(count, 16), "the chosen layout shows everyone up to 16");
    }
}
