using System.Threading.Channels;
using Mcu.Conference;

namespace Mcu.Server.Signaling;

/// <summary>
/// A signalling connection's place in a room. <see cref="Room.Changed"/> is raised on arbitrary
/// threads, often in bursts (joins, speaker switches, mutes); it only marks the state dirty, and
/// one pump publishes the newest state at most once per interval, so a burst costs one message.
/// </summary>
internal sealed class RoomMembership
{
    private readonly Channel<bool> _dirty = Channel.CreateBounded<bool>(new BoundedChannelOptions(1)
    {
        FullMode = BoundedChannelFullMode.DropWrite,
        SingleReader = true,
    });

    private Task _pump = Task.CompletedTask;
    private volatile bool _stopped;

    public RoomMembership(Room room, int memberId)
    {
        Room = room;
        MemberId = memberId;
    }

    public Room Room { get; }

    public int MemberId { get; }

    /// <summary>Whether the room still has this member (the API, a failed connection or the room closing may remove it).</summary>
    public bool IsPresent
    {
        get
        {
            foreach (var member in Room.Members)
            {
                if (member.Id == MemberId)
                {
                    return true;
                }
            }
            return false;
        }
    }

    /// <summary>
    /// Publishes the state now and after every change, at most once per <paramref name="interval"/>.
    /// <paramref name="publish"/> returns false to end the pump (the member is gone).
    /// </summary>
    public void Start(Func<RoomMembership, Task<bool>> publish, TimeSpan interval)
    {
        Room.Changed += OnChanged;
        _dirty.Writer.TryWrite(true);
        _pump = Task.Run(() => PumpAsync(publish, interval));
    }

    /// <summary>
    /// Stops publishing; once it completes no state of this membership is sent any more. It may
    /// wait out the rest of one interval.
    /// </summary>
    public Task StopAsync()
    {
        _stopped = true;
        Room.Changed -= OnChanged;
        _dirty.Writer.TryComplete();
        return _pump;
    }

    private void OnChanged(object? sender, EventArgs e) => _dirty.Writer.TryWrite(true);

    private async Task PumpAsync(Func<RoomMembership, Task<bool>> publish, TimeSpan interval)
    {
        while (await _dirty.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            _dirty.Reader.TryRead(out _);
            if (_stopped)
            {
                return;
            }
            if (!await publish(this).ConfigureAwait(false))
            {
                Room.Changed -= OnChanged;
                return;
            }
            await Task.Delay(interval).ConfigureAwait(false);
        }
    }
}
