namespace Mcu.Conference;

/// <summary>The "Rooms" configuration section.</summary>
public sealed class RoomRegistryOptions
{
    public const string Section = "Rooms";

    /// <summary>Create a room when someone joins one that does not exist; when false only <see cref="Names"/> exist.</summary>
    public bool CreateOnJoin { get; set; } = true;

    /// <summary>Rooms that always exist (and are never closed when empty).</summary>
    public IList<string> Names { get; } = [];

    /// <summary>Rooms open at once at most.</summary>
    public int MaxRooms { get; set; } = 50;

    /// <summary>How long an empty room created on join lives before it is closed.</summary>
    public TimeSpan EmptyRoomLinger { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>What every room composes and encodes.</summary>
    public RoomOptions Room { get; set; } = new();
}
