namespace Mcu.Conference.Tests;

public sealed class RoomRegistryTests : IDisposable
{
    private readonly LoopbackMediaEndpoint _media = new();

    public void Dispose() => _media.Dispose();

    [Fact]
    public void A_room_is_created_on_first_join_and_found_afterwards()
    {
        using var registry = new RoomRegistry(new RoomRegistryOptions(), _media);
        Assert.Null(registry.Find("standup"));
        var room = registry.GetOrCreate("standup");
        Assert.Same(room, registry.GetOrCreate("standup"));
        Assert.Same(room, registry.Find("standup"));
    }

    [Fact]
    public void Without_create_on_join_only_configured_rooms_exist()
    {
        var options = new RoomRegistryOptions { CreateOnJoin = false };
        options.Names.Add("lobby");
        using var registry = new RoomRegistry(options, _media);
        Assert.NotNull(registry.GetOrCreate("lobby"));
        var error = Assert.Throws<ConferenceException>(() => registry.GetOrCreate("elsewhere"));
        Assert.Equal(ConferenceError.NotFound, error.Error);
        Assert.Contains("elsewhere", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("../etc")]
    [InlineData("ünïcode")]
    public void Bad_room_names_are_refused_with_the_rule(string name)
    {
        using var registry = new RoomRegistry(new RoomRegistryOptions(), _media);
        var error = Assert.Throws<ConferenceException>(() => registry.GetOrCreate(name));
        Assert.Equal(ConferenceError.Invalid, error.Error);
        Assert.Contains("letters, digits", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_room_limit_holds()
    {
        using var registry = new RoomRegistry(new RoomRegistryOptions { MaxRooms = 2 }, _media);
        registry.GetOrCreate("a");
        registry.GetOrCreate("b");
        var error = Assert.Throws<ConferenceException>(() => registry.GetOrCreate("c"));
        Assert.Equal(ConferenceError.Unavailable, error.Error);
    }

    [Fact]
    public void An_empty_room_created_on_join_closes_after_lingering_but_a_configured_one_stays()
    {
        var options = new RoomRegistryOptions { EmptyRoomLinger = TimeSpan.FromSeconds(30) };
        options.Names.Add("lobby");
        using var registry = new RoomRegistry(options, _media);
        registry.GetOrCreate("adhoc");
        var t0 = Primitives.MonotonicClock.Now;
        registry.Sweep(t0);
        registry.Sweep(t0 + TimeSpan.FromSeconds(29));
        Assert.NotNull(registry.Find("adhoc"));
        registry.Sweep(t0 + TimeSpan.FromSeconds(31));
        Assert.Null(registry.Find("adhoc"));
        Assert.NotNull(registry.Find("lobby"));
    }
}
