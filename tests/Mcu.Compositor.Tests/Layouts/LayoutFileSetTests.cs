using System.Text;
using Mcu.Compositor.Layouts;

namespace Mcu.Compositor.Tests.Layouts;

public class LayoutFileSetTests
{
    private const string Single = """{ "slots": [ { "x": 0, "y": 0, "width": 1, "height": 1 } ] }""";
    private const string Halves = """{ "slots": [ { "x": 0, "y": 0, "width": 0.5, "height": 1 }, { "x": 0.5, "y": 0, "width": 0.5, "height": 1 } ] }""";

    private readonly Dictionary<string, string> _disk = new(StringComparer.Ordinal);
    private readonly LayoutFileSet _set = new();

    [Fact]
    public void Every_valid_file_is_in_the_snapshot()
    {
        Write("single.json", Single);
        Write("halves.json", Halves);
        Write("auto.json", Group(("1", "single"), (null, "halves")));

        Assert.True(Sync());
        LayoutSnapshot snapshot = _set.Current;
        Assert.Empty(snapshot.Errors);
        Assert.Equal(["auto", "halves", "single"], snapshot.Layouts.Select(l => l.Name));
        Assert.IsType<LayoutGroup>(snapshot.Find("AUTO"));
    }

    [Fact]
    public void Nothing_changes_when_no_file_changed()
    {
        Write("single.json", Single);
        Assert.True(Sync());
        LayoutSnapshot before = _set.Current;

        Assert.False(Sync());
        Assert.Same(before, _set.Current);
    }

    [Fact]
    public void A_broken_new_version_is_reported_and_the_previous_one_stays()
    {
        Write("single.json", Single);
        Sync();
        NamedLayout good = _set.Current.Find("single")!;

        Write("single.json", "{ \"slots\": [\n  { \"x\": 2, \"y\": 0, \"width\": 1, \"height\": 1 } ] }");
        Assert.True(Sync());

        Assert.Same(good, _set.Current.Find("single"));
        LayoutError error = Assert.Single(_set.Current.Errors);
        Assert.Equal("single.json", error.File);
        Assert.Equal(2, error.Line);

        Write("single.json", Halves);
        Assert.True(Sync());
        Assert.Empty(_set.Current.Errors);
        Assert.Equal(2, Assert.IsType<LayoutDefinition>(_set.Current.Find("single")).Slots.Length);
    }

    [Fact]
    public void A_broken_file_never_seen_good_is_reported_and_absent()
    {
        Write("bad.json", "{ nope");
        Assert.True(Sync());
        Assert.Empty(_set.Current.Layouts);
        Assert.Equal("bad.json", Assert.Single(_set.Current.Errors).File);
    }

    [Fact]
    public void Deleting_a_file_removes_its_layout_and_its_error()
    {
        Write("single.json", Single);
        Write("bad.json", "{");
        Sync();

        _disk.Clear();
        Assert.True(Sync());
        Assert.Empty(_set.Current.Layouts);
        Assert.Empty(_set.Current.Errors);
    }

    [Fact]
    public void A_second_file_claiming_a_name_is_rejected_whatever_the_case()
    {
        Write("a.json", Single);
        Write("b.json", "{\n  \"name\": \"A\",\n  \"slots\": [ { \"x\": 0, \"y\": 0, \"width\": 1, \"height\": 1 } ] }");
        Sync();

        Assert.Single(_set.Current.Layouts);
        Assert.Same(_set.Current.Find("a"), _set.Current.Layouts[0]);
        LayoutError error = Assert.Single(_set.Current.Errors);
        Assert.Equal(new LayoutError("b.json", 2, "the name \"A\" is already used by a.json"), error);
    }

    [Fact]
    public void The_file_already_in_effect_keeps_a_name_another_file_takes_later()
    {
        Write("z.json", Single);
        Sync();
        Write("a.json", "{ \"name\": \"z\", \"slots\": [ { \"x\": 0, \"y\": 0, \"width\": 1, \"height\": 1 } ] }");
        Sync();

        Assert.Equal("a.json", Assert.Single(_set.Current.Errors).File);
        Assert.Single(_set.Current.Layouts);
    }

    [Fact]
    public void A_group_naming_an_unknown_layout_is_rejected_at_that_entry()
    {
        Write("single.json", Single);
        Write("auto.json", Group(("1", "single"), (null, "grid-9x9")));
        Sync();

        Assert.Null(_set.Current.Find("auto"));
        Assert.Equal(new LayoutError("auto.json", 4, "the group names \"grid-9x9\", which is no layout or group"), Assert.Single(_set.Current.Errors));
    }

    [Fact]
    public void A_group_whose_new_version_names_an_unknown_layout_keeps_its_previous_version()
    {
        Write("single.json", Single);
        Write("auto.json", Group((null, "single")));
        Sync();
        NamedLayout good = _set.Current.Find("auto")!;

        Write("auto.json", Group((null, "missing")));
        Sync();

        Assert.Same(good, _set.Current.Find("auto"));
        Assert.Equal("auto.json", Assert.Single(_set.Current.Errors).File);
    }

    [Fact]
    public void Deleting_the_layout_a_group_names_takes_the_group_out_until_it_is_back()
    {
        Write("single.json", Single);
        Write("auto.json", Group((null, "single")));
        Sync();

        _disk.Remove("single.json");
        Sync();
        Assert.Empty(_set.Current.Layouts);
        Assert.Equal("auto.json", Assert.Single(_set.Current.Errors).File);

        Write("single.json", Single);
        Sync();
        Assert.Empty(_set.Current.Errors);
        Assert.NotNull(_set.Current.Resolve("auto", 1));
    }

    [Fact]
    public void Groups_in_a_cycle_are_rejected_naming_the_cycle()
    {
        Write("single.json", Single);
        Write("a.json", Group(("1", "single"), (null, "b")));
        Write("b.json", Group(("2", "single"), (null, "c")));
        Write("c.json", Group((null, "a")));
        Sync();

        // The edit that closes the cycle (the last file, on a first load) is blamed; the groups
        // leading into it cannot resolve either and say why.
        Assert.Equal(
            [
                new LayoutError("a.json", 4, "the group names \"b\", which is not in effect because b.json has an error"),
                new LayoutError("b.json", 4, "the group names \"c\", which is not in effect because c.json has an error"),
                new LayoutError("c.json", 3, "groups form a cycle: c -> a -> b -> c"),
            ],
            _set.Current.Errors.ToArray());
        Assert.Equal(["single"], _set.Current.Layouts.Select(l => l.Name));

        // Breaking the cycle brings all three back.
        Write("c.json", Group((null, "single")));
        Sync();
        Assert.Empty(_set.Current.Errors);
        Assert.Equal("single", _set.Current.Resolve("a", 5)!.Name);
    }

    [Fact]
    public void A_group_naming_itself_is_a_cycle()
    {
        Write("single.json", Single);
        Write("self.json", Group(("1", "single"), (null, "self")));
        Sync();

        Assert.Equal("groups form a cycle: self -> self", Assert.Single(_set.Current.Errors).Message);
    }

    [Fact]
    public void An_edit_that_closes_a_cycle_is_rejected_and_the_previous_version_kept()
    {
        Write("single.json", Single);
        Write("a.json", Group((null, "b")));
        Write("b.json", Group((null, "single")));
        Sync();
        NamedLayout good = _set.Current.Find("b")!;

        Write("b.json", Group((null, "a")));
        Sync();

        Assert.Same(good, _set.Current.Find("b"));
        LayoutError error = Assert.Single(_set.Current.Errors);
        Assert.Equal("b.json", error.File);
        Assert.Equal("single", _set.Current.Resolve("a", 3)!.Name);
    }

    internal static string Group(params (string? UpTo, string Layout)[] entries)
    {
        var text = new StringBuilder("{\n  \"choose\": [\n");
        foreach ((string? upTo, string layout) in entries)
        {
            text.Append(upTo is null ? $"    {{ \"layout\": \"{layout}\" }},\n" : $"    {{ \"upTo\": {upTo}, \"layout\": \"{layout}\" }},\n");
        }

        return text.Append("  ]\n}\n").ToString();
    }

    private void Write(string file, string text) => _disk[file] = text;

    private bool Sync()
    {
        var files = new List<LayoutSourceFile>();
        foreach ((string name, string text) in _disk)
        {
            files.Add(new LayoutSourceFile(name, Encoding.UTF8.GetBytes(text)));
        }

        return _set.Update(files);
    }
}
