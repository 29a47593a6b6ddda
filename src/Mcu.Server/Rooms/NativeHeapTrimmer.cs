using System.Collections.Concurrent;
using Mcu.Conference;
using Mcu.Media.Native;

namespace Mcu.Server.Rooms;

/// <summary>
/// Gives back to the system the C heap memory that leaving participants' decoders and frames
/// freed: glibc keeps freed blocks inside its heaps, so without this a server with people
/// joining and leaving all day grows in resident memory without leaking. Runs on a timer, a
/// few seconds after someone left or a room closed, never on a media thread.
/// </summary>
internal sealed class NativeHeapTrimmer : IDisposable
{
    public static readonly TimeSpan Period = TimeSpan.FromSeconds(10);

    private readonly ConcurrentDictionary<Room, int> _members = new();
    private readonly Timer _timer;
    private int _departed;
    private long _trims;

    public NativeHeapTrimmer(RoomRegistry rooms)
    {
        rooms.RoomCreated += (_, room) => Watch(room);
        rooms.RoomClosed += (sender, room) =>
        {
            _members.TryRemove(room, out _);
            Interlocked.Exchange(ref _departed, 1);
        };
        foreach (var room in rooms.Rooms)
        {
            Watch(room);
        }
        _timer = new Timer(_ => TrimIfDeparted(), null, Period, Period);
    }

    /// <summary>Trims done so far.</summary>
    public long Trims => Interlocked.Read(ref _trims);

    /// <summary>Trims the C heaps if someone left or a room closed since the last call; true when it did.</summary>
    public bool TrimIfDeparted()
    {
        if (Interlocked.Exchange(ref _departed, 0) == 0)
        {
            return false;
        }
        NativeHeap.Trim();
        Interlocked.Increment(ref _trims);
        return true;
    }

    public void Dispose() => _timer.Dispose();

    private void Watch(Room room)
    {
        _members[room] = room.MemberCount;
        room.Changed += OnRoomChanged;
    }

    private void OnRoomChanged(object? sender, EventArgs e)
    {
        var room = (Room)sender!;
        var now = room.MemberCount;
        if (_members.TryGetValue(room, out var before) && now < before)
        {
            Interlocked.Exchange(ref _departed, 1);
        }
        _members[room] = now;
    }
}
