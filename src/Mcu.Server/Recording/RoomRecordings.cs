using Mcu.Conference;
using Mcu.Recording;

namespace Mcu.Server.Recording;

/// <summary>
/// The server's recordings tied to its rooms: AutoStart for every new room, a room's running
/// recording finished when the room closes, every change shown to the room's clients (the room
/// state carries "recording"), and running recordings finalized when the server stops.
/// </summary>
internal sealed class RoomRecordings : IDisposable
{
    private readonly RoomRegistry _registry;
    private readonly EventHandler<Room> _onCreated;
    private readonly EventHandler<Room> _onClosed;
    private readonly EventHandler<RecordingInfo> _onChanged;

    public RoomRecordings(RecordingManager manager, RoomRegistry registry, IHostApplicationLifetime lifetime)
    {
        Manager = manager;
        _registry = registry;
        _onCreated = (_, room) => manager.OnRoomCreated(room);
        _onClosed = (_, room) => StopRunning(room.Name);
        _onChanged = (_, info) => _registry.Find(info.Room)?.NotifyChanged();
        registry.RoomCreated += _onCreated;
        registry.RoomClosed += _onClosed;
        manager.RecordingStarted += _onChanged;
        manager.RecordingStopped += _onChanged;
        manager.RecordingFailed += _onChanged;
        foreach (var room in registry.Rooms)
        {
            manager.OnRoomCreated(room);
        }
        // Before the host disposes the rooms: every running file gets its end written.
        lifetime.ApplicationStopping.Register(manager.StopAll);
    }

    public RecordingManager Manager { get; }

    /// <summary>The room's running recording, if any.</summary>
    public RecordingInfo? Running(string room) => Latest(room, runningOnly: true);

    /// <summary>The room's newest recording, running or ended.</summary>
    public RecordingInfo? Latest(string room) => Latest(room, runningOnly: false);

    /// <summary>Stops the room's running recording; null when it has none.</summary>
    public RecordingInfo? StopRunning(string room) =>
        Running(room) is { } running ? Manager.Stop(room, running.Id) : null;

    public void Dispose()
    {
        _registry.RoomCreated -= _onCreated;
        _registry.RoomClosed -= _onClosed;
        Manager.RecordingStarted -= _onChanged;
        Manager.RecordingStopped -= _onChanged;
        Manager.RecordingFailed -= _onChanged;
    }

    private RecordingInfo? Latest(string room, bool runningOnly)
    {
        var list = Manager.List(room);
        for (var i = list.Count - 1; i >= 0; i--)
        {
            if (!runningOnly || list[i].State == RecordingState.Running)
            {
                return list[i];
            }
        }
        return null;
    }
}
