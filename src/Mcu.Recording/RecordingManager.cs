using System.Runtime.CompilerServices;
using Mcu.Conference;
using Mcu.Media.Native;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Mcu.Recording;

/// <summary>
/// The server's recordings (one manager per server, thread-safe): starts and stops recording
/// rooms to WebM files, at most one running recording per room, lists finished and running
/// ones, and with <see cref="RecordingOptions.AutoStart"/> records every room while it has
/// members. A recording that cannot write stops with its error (state, log, event); the room
/// is never affected. <see cref="Dispose"/> finalizes whatever is still running.
/// </summary>
public sealed partial class RecordingManager : IDisposable
{
    private readonly RecordingOptions _options;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly Func<string, Stream> _create;
    private readonly Lock _lock = new();
    private readonly List<Recording> _recordings = [];
    private readonly ConditionalWeakTable<Room, AutoStartState> _autoRooms = new();
    private readonly Lock _autoLock = new();
    private readonly EventHandler _onRoomChanged;
    private volatile bool _disposed;

    public RecordingManager(RecordingOptions options, ILogger? logger = null, TimeProvider? time = null)
        : this(options, logger, time, RecordingFiles.Open)
    {
    }

    /// <param name="create">Creates a file, failing when it exists (the tests put a full disk behind it).</param>
    internal RecordingManager(RecordingOptions options, ILogger? logger, TimeProvider? time, Func<string, Stream> create)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _logger = logger ?? NullLogger.Instance;
        _time = time ?? TimeProvider.System;
        _create = create;
        _onRoomChanged = OnRoomChanged;
    }

    public RecordingOptions Options => _options;

    /// <summary>A recording started (raised on the thread that started it).</summary>
    public event EventHandler<RecordingInfo>? RecordingStarted;

    /// <summary>A recording was stopped and its file finalized.</summary>
    public event EventHandler<RecordingInfo>? RecordingStopped;

    /// <summary>A recording could not start or stopped on an error (a writer thread may raise it).</summary>
    public event EventHandler<RecordingInfo>? RecordingFailed;

    /// <summary>
    /// Starts recording <paramref name="room"/> from its next (forced) keyframe. A recording that
    /// cannot be written (directory or file not writable) is returned, and listed, as
    /// <see cref="RecordingState.Failed"/> with its error.
    /// </summary>
    /// <exception cref="RecordingConflictException">The room is already being recorded.</exception>
    public RecordingInfo Start(Room room) => Start(room, autoStarted: false);

    /// <summary>Stops a recording and finalizes its file; null when the room has no recording with that id.</summary>
    public RecordingInfo? Stop(string room, string id)
    {
        ArgumentNullException.ThrowIfNull(room);
        ArgumentNullException.ThrowIfNull(id);
        Recording? recording;
        lock (_lock)
        {
            recording = FindLocked(id);
        }
        if (recording is null || recording.RoomName != room)
        {
            return null;
        }
        lock (recording.StopGate)
        {
            RoomRecorder recorder;
            lock (_lock)
            {
                if (recording.State != RecordingState.Running || recording.Recorder is null)
                {
                    return recording.ToInfo();
                }
                recorder = recording.Recorder;
                recording.Room?.RemoveTap(recorder);
            }
            var finished = recorder.Complete(_options.StopTimeout);
            RecordingInfo info;
            bool ended;
            lock (_lock)
            {
                ended = recording.State == RecordingState.Running;
                if (ended)
                {
                    recording.End(
                        finished ? RecordingState.Finished : RecordingState.Failed,
                        finished ? null : $"Writing {recording.Path} did not finish within {_options.StopTimeout.TotalSeconds:0.#} s; the disk is not keeping up.",
                        _time.GetUtcNow());
                }
                info = recording.ToInfo();
            }
            if (ended)
            {
                if (finished)
                {
                    LogStopped(_logger, info.Id, info.Room, info.Path, info.Duration.TotalSeconds, info.Bytes, info.FramesDropped);
                    RecordingStopped?.Invoke(this, info);
                }
                else
                {
                    ReportFailure(info, null);
                }
            }
            return info;
        }
    }

    /// <summary>The room's recordings, running and ended, oldest first.</summary>
    public IReadOnlyList<RecordingInfo> List(string room)
    {
        ArgumentNullException.ThrowIfNull(room);
        var list = new List<RecordingInfo>();
        lock (_lock)
        {
            foreach (var recording in _recordings)
            {
                if (recording.RoomName == room)
                {
                    list.Add(recording.ToInfo());
                }
            }
        }
        return list;
    }

    /// <summary>Every recording of this server, running and ended, oldest first.</summary>
    public IReadOnlyList<RecordingInfo> List()
    {
        lock (_lock)
        {
            return _recordings.ConvertAll(r => r.ToInfo());
        }
    }

    /// <summary>One recording by id; null when there is none.</summary>
    public RecordingInfo? Find(string id)
    {
        lock (_lock)
        {
            return FindLocked(id)?.ToInfo();
        }
    }

    /// <summary>
    /// The hook for a new room (RoomRegistry.RoomCreated, and the rooms that exist at start-up):
    /// with AutoStart, the room is recorded from its first member until it is empty again.
    /// </summary>
    public void OnRoomCreated(Room room)
    {
        ArgumentNullException.ThrowIfNull(room);
        if (!_options.AutoStart || _disposed)
        {
            return;
        }
        if (_autoRooms.TryAdd(room, new AutoStartState()))
        {
            room.Changed += _onRoomChanged;
            Evaluate(room);
        }
    }

    /// <summary>Stops and finalizes every running recording (graceful shutdown).</summary>
    public void StopAll()
    {
        List<Recording> running = [];
        lock (_lock)
        {
            foreach (var recording in _recordings)
            {
                if (recording.State == RecordingState.Running)
                {
                    running.Add(recording);
                }
            }
        }
        foreach (var recording in running)
        {
            Stop(recording.RoomName, recording.Id);
        }
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }
        lock (_autoLock)
        {
            _disposed = true;
        }
        foreach (var (room, _) in _autoRooms)
        {
            room.Changed -= _onRoomChanged;
        }
        _autoRooms.Clear();
        StopAll();
    }

    private RecordingInfo Start(Room room, bool autoStarted)
    {
        ArgumentNullException.ThrowIfNull(room);
        ObjectDisposedException.ThrowIf(_disposed, this);
        Recording recording;
        Exception? failure = null;
        lock (_lock)
        {
            foreach (var existing in _recordings)
            {
                if (existing.RoomName == room.Name && existing.State == RecordingState.Running)
                {
                    throw new RecordingConflictException(room.Name, existing.Id);
                }
            }
            var startedAt = _time.GetUtcNow();
            var stem = RecordingFiles.Stem(room.Name, startedAt);
            var path = Path.GetFullPath(Path.Combine(_options.Directory, stem + ".webm"));
            Stream? file = null;
            try
            {
                Directory.CreateDirectory(_options.Directory);
                file = RecordingFiles.CreateNew(_options.Directory, stem, _create, out path);
                recording = new Recording(UniqueIdLocked(Path.GetFileNameWithoutExtension(path)), room, path, startedAt, autoStarted);
                var started = recording;
                recording.Recorder = new RoomRecorder(file, new RoomRecorderSettings
                {
                    Width = room.Options.Width,
                    Height = room.Options.Height,
                    FrameRate = room.Options.FrameRate,
                    Title = room.Name,
                    StartedAt = startedAt,
                    QueueCapacity = _options.QueueCapacity,
                    AudioBitrateBps = _options.AudioBitrateBps,
                    ThreadName = "mcu-rec-" + room.Name,
                }, error => OnRecorderFailed(started, error), () => RequestKeyframe(started));
                room.AddTap(recording.Recorder);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or NativeCodecException)
            {
                file?.Dispose();
                failure = e;
                recording = new Recording(UniqueIdLocked(stem), room, path, startedAt, autoStarted);
                recording.End(RecordingState.Failed, $"Cannot record room '{room.Name}' to {path}: {e.Message}", startedAt);
            }
            _recordings.Add(recording);
        }
        var info = recording.ToInfo();
        if (failure is not null)
        {
            ReportFailure(info, failure);
            return info;
        }
        RecordingMetrics.Started.Add(1);
        LogStarted(_logger, info.Id, info.Room, info.Path);
        RecordingStarted?.Invoke(this, info);
        return info;
    }

    // The recorder's writer thread, once, after it closed the file.
    private void OnRecorderFailed(Recording recording, Exception error)
    {
        RecordingInfo info;
        lock (_lock)
        {
            if (recording.State != RecordingState.Running)
            {
                return;
            }
            if (recording.Recorder is { } recorder)
            {
                recording.Room?.RemoveTap(recorder);
            }
            recording.End(RecordingState.Failed, $"Writing {recording.Path} failed: {error.Message}", _time.GetUtcNow());
            info = recording.ToInfo();
        }
        ReportFailure(info, error);
    }

    private void ReportFailure(RecordingInfo info, Exception? error)
    {
        RecordingMetrics.Failed.Add(1);
        LogFailed(_logger, info.Id, info.Room, info.Error ?? "", error);
        RecordingFailed?.Invoke(this, info);
    }

    // The recorder's writer thread, after it dropped video for want of room.
    private static void RequestKeyframe(Recording recording)
    {
        recording.Room?.RequestKeyframe();
    }

    // Any thread that changed the room, the room clock among them: only look, and hand real work to the pool.
    private void OnRoomChanged(object? sender, EventArgs e)
    {
        if (sender is Room room)
        {
            Evaluate(room);
        }
    }

    private void Evaluate(Room room)
    {
        if (_disposed || !_autoRooms.TryGetValue(room, out var state))
        {
            return;
        }
        var occupied = room.IsEmpty ? 0 : 1;
        if (Interlocked.Exchange(ref state.Occupied, occupied) != occupied)
        {
            ThreadPool.UnsafeQueueUserWorkItem(static s => s.Manager.Reconcile(s.Room), (Manager: this, Room: room), preferLocal: false);
        }
    }

    // Thread pool. Brings the room's auto recording in line with whether it has members now, so
    // that a join and a leave handled out of order still end in the right state.
    private void Reconcile(Room room)
    {
        lock (_autoLock)
        {
            if (_disposed || !_autoRooms.TryGetValue(room, out var state))
            {
                return;
            }
            var wanted = Volatile.Read(ref state.Occupied) == 1;
            Recording? running = null;
            lock (_lock)
            {
                foreach (var recording in _recordings)
                {
                    if (recording.RoomName == room.Name && recording.State == RecordingState.Running)
                    {
                        running = recording;
                    }
                }
            }
            try
            {
                if (wanted && running is null)
                {
                    Start(room, autoStarted: true);
                }
                else if (!wanted && running is { AutoStarted: true })
                {
                    Stop(running.RoomName, running.Id);
                }
            }
            catch (RecordingConflictException)
            {
                // Somebody started one by hand in the meantime: the room is being recorded either way.
            }
        }
    }

    private Recording? FindLocked(string id)
    {
        foreach (var recording in _recordings)
        {
            if (recording.Id == id)
            {
                return recording;
            }
        }
        return null;
    }

    private string UniqueIdLocked(string stem)
    {
        var id = stem;
        for (var n = 2; FindLocked(id) is not null; n++)
        {
            id = $"{stem}~{n}";
        }
        return id;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Recording {Id} of room {Room} started: {Path}")]
    private static partial void LogStarted(ILogger logger, string id, string room, string path);

    [LoggerMessage(Level = LogLevel.Information, Message = "Recording {Id} of room {Room} finished: {Path}, {DurationSeconds:0.0} s, {Bytes} bytes, {Dropped} frames dropped")]
    private static partial void LogStopped(ILogger logger, string id, string room, string path, double durationSeconds, long bytes, long dropped);

    [LoggerMessage(Level = LogLevel.Error, Message = "Recording {Id} of room {Room} failed: {Error}")]
    private static partial void LogFailed(ILogger logger, string id, string room, string error, Exception? exception);

    private sealed class AutoStartState
    {
        public int Occupied;
    }
}
