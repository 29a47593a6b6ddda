using System.Diagnostics;
using Mcu.Compositor.Layouts;

namespace Mcu.Compositor.Tests.Layouts;

public sealed class LayoutCatalogTests : IDisposable
{
    private const string OneSlot = """{ "slots": [ { "x": 0, "y": 0, "width": 1, "height": 1 } ] }""";
    private const string TwoSlots = """{ "slots": [ { "x": 0, "y": 0, "width": 0.5, "height": 1 }, { "x": 0.5, "y": 0, "width": 0.5, "height": 1 } ] }""";

    /// <summary>The promise; polled, so the tests take as long as the change does.</summary>
    private static readonly TimeSpan Promise = TimeSpan.FromSeconds(2);

    private readonly string _directory = Directory.CreateTempSubdirectory("mcu-layouts-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Loads_the_directory_at_once()
    {
        Write("single.json", OneSlot);
        Write("notes.txt", "not a layout");
        using var catalog = new LayoutCatalog(_directory);

        Assert.Equal("single", Assert.Single(catalog.Current.Layouts).Name);
        Assert.NotNull(catalog.Resolve("single", 3));
    }

    [Fact]
    public void A_missing_directory_is_an_error() =>
        Assert.Throws<DirectoryNotFoundException>(() => new LayoutCatalog(Path.Combine(_directory, "absent")));

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_changed_file_takes_effect_within_two_seconds(bool watch)
    {
        Write("room.json", OneSlot);
        using var catalog = new LayoutCatalog(_directory, new LayoutCatalogOptions { WatchFileSystem = watch });
        Assert.Single(catalog.Resolve("room", 1)!.Slots);
        int changes = 0;
        catalog.Changed += (_, _) => Interlocked.Increment(ref changes);

        Write("room.json", TwoSlots);

        Assert.True(WaitFor(() => catalog.Resolve("room", 1)?.Slots.Length == 2), "the new version was served within 2 s");
        // The snapshot is swapped before Changed is raised, so wait for the event as well.
        Assert.True(WaitFor(() => Volatile.Read(ref changes) >= 1), "Changed was raised");
    }

    [Fact]
    public void An_added_file_takes_effect_and_a_deleted_one_goes_within_two_seconds()
    {
        using var catalog = new LayoutCatalog(_directory);
        Assert.Empty(catalog.Current.Layouts);

        Write("late.json", OneSlot);
        Assert.True(WaitFor(() => catalog.Current.Find("late") is not null), "added");

        File.Delete(Path.Combine(_directory, "late.json"));
        Assert.True(WaitFor(() => catalog.Current.Find("late") is null), "deleted");
    }

    [Fact]
    public void A_broken_file_changes_nothing_and_is_reported_with_name_reason_and_line()
    {
        Write("room.json", TwoSlots);
        using var catalog = new LayoutCatalog(_directory);
        LayoutDefinition good = catalog.Resolve("room", 1)!;

        Write("room.json", "{\n  \"slots\": [\n    { \"x\": 0, \"y\": 0, \"widht\": 1, \"height\": 1 }\n  ]\n}");

        Assert.True(WaitFor(() => !catalog.Errors.IsEmpty), "the error was reported within 2 s");
        LayoutError error = Assert.Single(catalog.Errors);
        Assert.Equal("room.json", error.File);
        Assert.Equal(3, error.Line);
        Assert.Equal("unknown field \"widht\"; did you mean \"width\"?", error.Message);
        Assert.Same(good, catalog.Resolve("room", 1));

        Write("room.json", OneSlot);
        Assert.True(WaitFor(() => catalog.Current.Errors.IsEmpty && catalog.Resolve("room", 1)!.Slots.Length == 1), "fixed");
    }

    [Fact]
    public void Changed_carries_the_snapshot_in_effect()
    {
        using var catalog = new LayoutCatalog(_directory);
        LayoutSnapshot? seen = null;
        catalog.Changed += (_, e) => Volatile.Write(ref seen, e.Snapshot);

        Write("single.json", OneSlot);

        Assert.True(WaitFor(() => Volatile.Read(ref seen) is not null));
        Assert.Same(catalog.Current, Volatile.Read(ref seen));
    }

    [Fact]
    public void After_dispose_nothing_is_reloaded()
    {
        Write("room.json", OneSlot);
        var catalog = new LayoutCatalog(_directory);
        catalog.Dispose();

        Write("room.json", TwoSlots);
        Assert.False(catalog.Rescan());
        Assert.Single(catalog.Resolve("room", 1)!.Slots);
    }

    private static bool WaitFor(Func<bool> condition)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < Promise)
        {
            if (condition())
            {
                return true;
            }

            Thread.Sleep(20);
        }

        return condition();
    }

    private void Write(string file, string text)
    {
        // Replace atomically so a rescan never reads a half-written file in the tests that check one version.
        string temp = Path.Combine(_directory, "." + file + ".tmp");
        File.WriteAllText(temp, text);
        File.Move(temp, Path.Combine(_directory, file), overwrite: true);
    }
}
