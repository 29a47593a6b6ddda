using System.Text;
using Mcu.Compositor.Layouts;

namespace Mcu.Compositor.Tests.Layouts;

public class LayoutSnapshotTests
{
    private const string Single = """{ "slots": [ { "x": 0, "y": 0, "width": 1, "height": 1 } ] }""";
    private const string Halves = """{ "slots": [ { "x": 0, "y": 0, "width": 0.5, "height": 1 }, { "x": 0.5, "y": 0, "width": 0.5, "height": 1 } ] }""";

    [Fact]
    public void The_empty_snapshot_knows_nothing()
    {
        Assert.Empty(LayoutSnapshot.Empty.Layouts);
        Assert.Empty(LayoutSnapshot.Empty.Errors);
        Assert.Null(LayoutSnapshot.Empty.Find(LayoutSnapshot.DefaultLayoutName));
        Assert.Null(LayoutSnapshot.Empty.Resolve(LayoutSnapshot.DefaultLayoutName, 1));
    }

    [Fact]
    public void Names_are_found_whatever_their_case()
    {
        LayoutSnapshot snapshot = Build(("Single.json", Single));
        Assert.Same(snapshot.Find("single"), snapshot.Find("SINGLE"));
        Assert.Equal("Single", snapshot.Find("single")!.Name);
    }

    [Fact]
    public void Groups_resolve_through_nested_groups_by_count()
    {
        LayoutSnapshot snapshot = Build(
            ("single.json", Single),
            ("halves.json", Halves),
            ("small.json", LayoutFileSetTests.Group(("1", "single"), (null, "halves"))),
            ("auto.json", LayoutFileSetTests.Group(("2", "small"), (null, "single"))));

        Assert.Equal("single", snapshot.Resolve("auto", 1)!.Name);
        Assert.Equal("halves", snapshot.Resolve("auto", 2)!.Name);
        Assert.Equal("single", snapshot.Resolve("auto", 3)!.Name);
        Assert.Equal("halves", snapshot.Resolve("HALVES", 7)!.Name);
        Assert.Null(snapshot.Resolve("nothing", 1));
    }

    [Fact]
    public void Resolving_allocates_nothing()
    {
        LayoutSnapshot snapshot = Build(("single.json", Single), ("auto.json", LayoutFileSetTests.Group((null, "single"))));
        snapshot.Resolve("auto", 3);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 100; i++)
        {
            snapshot.Resolve("auto", i);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    private static LayoutSnapshot Build(params (string File, string Text)[] files)
    {
        var set = new LayoutFileSet();
        var sources = new List<LayoutSourceFile>();
        foreach ((string file, string text) in files)
        {
            sources.Add(new LayoutSourceFile(file, Encoding.UTF8.GetBytes(text)));
        }

        set.Update(sources);
        Assert.Empty(set.Current.Errors);
        return set.Current;
    }
}
