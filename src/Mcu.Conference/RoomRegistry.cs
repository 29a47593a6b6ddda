using System.Collections.Concurrent;
using Mcu.Compositor.Layouts;
using Mcu.Primitives;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Mcu.Conference;

/// <summary>
/// The server's rooms by name: created on first join (when allowed), closed after lingering
/// empty, limited in number. Thread-safe.
/// </summary>
public sealed class RoomRegistry : IDisposable
{
    private const int MaxNameLength = 64;

    private readonly RoomRegistryOptions _options;
    private readonly IMediaEndpoint _media;
    private readonly LayoutCatalog? _layouts;
    private readonly ILoggerFactory _loggers;
    private readonly ConcurrentDictionary<string, Room> _rooms = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, TimeSpan> _emptySince = new(StringComparer.Ordinal);
    private readonly Lock _createLock = new();
    private readonly Timer _sweeper;
    private volatile bool _disposed;

    public RoomRegistry(RoomRegistryOptions options, IMediaEndpoint media, LayoutCatalog? layouts = null, ILoggerFactory? loggers = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(media);
        options.Room.Validate();
        _options = options;
        _media = media;
        _layouts = layouts;
        _loggers = loggers ?? NullLoggerFactory.Instance;
        foreach (var name in options.Names)
        {
            ValidateName(name);
            _rooms[name] = NewRoom(name);
        }
        var period = options.EmptyRoomLinger < TimeSpan.FromSeconds(5) ? options.EmptyRoomLinger : TimeSpan.FromSeconds(5);
        _sweeper = new Timer(_ => Sweep(MonotonicClock.Now), null, period, period);
    }

    /// <summary>A room was opened (e.g. so that recording can start automatically).</summary>
    public event EventHandler<Room>? RoomCreated;

    /// <summary>A room was closed after lingering empty (raised before it is disposed, e.g. to finish its recording).</summary>
    public event EventHandler<Room>? RoomClosed;

    public IReadOnlyCollection<Room> Rooms => (IReadOnlyCollection<Room>)_rooms.Values;

    public Room? Find(string name) => _rooms.TryGetValue(name, out var room) ? room : null;

    /// <summary>The room to join: existing, or created now when the configuration allows.</summary>
    public Room GetOrCreate(string name)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ValidateName(name);
        if (_rooms.TryGetValue(name, out var room))
        {
            return room;
        }
        if (!_options.CreateOnJoin)
        {
            throw new ConferenceException(ConferenceError.NotFound, $"There is no room '{name}' and this server does not create rooms on join.");
        }
        lock (_createLock)
        {
            if (_rooms.TryGetValue(name, out room))
            {
                return room;
            }
            if (_rooms.Count >= _options.MaxRooms)
            {
                throw new ConferenceException(ConferenceError.Unavailable, $"This server already has {_options.MaxRooms} rooms open.");
            }
            room = NewRoom(name);
            _rooms[name] = room;
        }
        RoomCreated?.Invoke(this, room);
        return room;
    }

    /// <summary>Closes rooms created on join that have been empty longer than the linger time.</summary>
    public void Sweep(TimeSpan now)
    {
        foreach (var (name, room) in _rooms)
        {
            if (!room.IsEmpty || _options.Names.Contains(name))
            {
                _emptySince.TryRemove(name, out _);
                continue;
            }
            var since = _emptySince.GetOrAdd(name, now);
            if (now - since < _options.EmptyRoomLinger)
            {
                continue;
            }
            lock (_createLock)
            {
                if (!room.IsEmpty || !_rooms.TryRemove(KeyValuePair.Create(name, room)))
                {
                    continue;
                }
                _emptySince.TryRemove(name, out _);
            }
            RoomClosed?.Invoke(this, room);
            room.Dispose();
        }
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        _sweeper.Dispose();
        foreach (var room in _rooms.Values)
        {
            room.Dispose();
        }
        _rooms.Clear();
    }

    private Room NewRoom(string name) =>
        new(name, _options.Room, _media, _layouts, _loggers.CreateLogger("Mcu.Conference.Room"));

    private static void ValidateName(string name)
    {
        if (string.IsNullOrEmpty(name) || name.Length > MaxNameLength || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
        {
            throw new ConferenceException(ConferenceError.Invalid,
                $"'{name}' is not a room name: use 1 to {MaxNameLength} letters, digits, '-', '_' or '.'.");
        }
    }
}
