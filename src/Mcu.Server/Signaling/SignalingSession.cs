using System.Buffers;
using System.Net.WebSockets;
using Mcu.Conference;
using Mcu.Primitives;
using Mcu.Sdp;
using Mcu.Recording;
using Mcu.Server.Api;
using Mcu.Server.Recording;

namespace Mcu.Server.Signaling;

/// <summary>
/// One browser's signalling socket: at most one member at a time. Requests are handled in
/// arrival order on the receive loop; room state is pushed by the membership's pump; every send
/// goes through one lock because a WebSocket allows one send at a time. Closing the socket
/// leaves the room.
/// </summary>
internal sealed partial class SignalingSession : IDisposable
{
    /// <summary>Larger messages are refused and the socket closed (an SDP offer is a few KiB).</summary>
    public const int MaxMessageBytes = 128 * 1024;

    /// <summary>Room state is pushed at most this often (about 10 per second).</summary>
    public static readonly TimeSpan StateInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>Refused messages in a row after which the connection counts as abuse and is closed.</summary>
    public const int MaxStrikes = 5;

    // A peer that does not answer our close frame within this is cut off.
    private static readonly TimeSpan CloseTimeout = TimeSpan.FromSeconds(2);

    private readonly WebSocket _socket;
    private readonly RoomRegistry _rooms;
    private readonly RoomRecordings _recordings;
    private readonly Func<string, string?> _authorize;
    private readonly ILogger _logger;
    private readonly MessageBudget? _budget;
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly ServerMessageWriter _messages = new();
    private readonly CancellationTokenSource _receiveAbort = new();
    private RoomMembership? _membership;
    private int _strikes;
    private volatile Task? _shutdown;
    private volatile bool _closing;

    /// <param name="socket">The accepted WebSocket.</param>
    /// <param name="rooms">Where joins go.</param>
    /// <param name="recordings">What "record" starts and stops, and the room state reports.</param>
    /// <param name="authorize">For a room name: null when this connection may join it, else why not.</param>
    /// <param name="budget">The connection's message rate, or null for none.</param>
    /// <param name="logger">For joins, leaves and abuse.</param>
    public SignalingSession(WebSocket socket, RoomRegistry rooms, RoomRecordings recordings, Func<string, string?> authorize, MessageBudget? budget, ILogger logger)
    {
        _socket = socket;
        _rooms = rooms;
        _recordings = recordings;
        _authorize = authorize;
        _budget = budget;
        _logger = logger;
    }

    private enum Received
    {
        Text,
        Binary,
        TooLarge,
        Close,
    }

    /// <summary>Serves the socket until it closes, <paramref name="stopping"/> fires or the peer vanishes; then leaves the room.</summary>
    public async Task RunAsync(CancellationToken stopping)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(MaxMessageBytes);
        try
        {
            using var onStopping = stopping.Register(static state => ((SignalingSession)state!).BeginShutdown(), this);
            while (true)
            {
                var (kind, length) = await ReceiveAsync(buffer).ConfigureAwait(false);
                if (kind == Received.Close)
                {
                    break;
                }
                if (_closing)
                {
                    continue; // draining until the peer answers our close frame
                }
                switch (kind)
                {
                    case Received.Text:
                        await HandleAsync(buffer.AsMemory(0, length)).ConfigureAwait(false);
                        break;
                    case Received.Binary:
                        await RefuseAsync("Messages must be JSON text, not binary.", StatusCodes.Status400BadRequest, null).ConfigureAwait(false);
                        break;
                    default:
                        await SendErrorAsync($"A message may be at most {MaxMessageBytes} bytes.", StatusCodes.Status413PayloadTooLarge, null).ConfigureAwait(false);
                        await CloseAsync(WebSocketCloseStatus.MessageTooBig, "message too big").ConfigureAwait(false);
                        break;
                }
            }
            if (_socket.State == WebSocketState.CloseReceived)
            {
                await CloseAsync(WebSocketCloseStatus.NormalClosure, "bye").ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
            // The peer vanished, or did not answer our close frame in time.
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            await HangUpAsync("the signalling connection closed", notify: false).ConfigureAwait(false);
            // Disposing the registration above waited for its callback, so this is final.
            await (_shutdown ?? Task.CompletedTask).ConfigureAwait(false);
        }
    }

    public void Dispose()
    {
        _sendLock.Dispose();
        _messages.Dispose();
        _receiveAbort.Dispose();
    }

    // RFC 6455 7.4.1: 1001, going away; the peer's answering close frame ends the receive loop.
    private void BeginShutdown() => _shutdown = CloseAsync(WebSocketCloseStatus.EndpointUnavailable, "the server is shutting down");

    private async Task<(Received Kind, int Length)> ReceiveAsync(byte[] buffer)
    {
        var length = 0;
        while (true)
        {
            if (length == MaxMessageBytes)
            {
                return (Received.TooLarge, length);
            }
            var result = await _socket.ReceiveAsync(buffer.AsMemory(length, MaxMessageBytes - length), _receiveAbort.Token).ConfigureAwait(false);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return (Received.Close, 0);
            }
            length += result.Count;
            if (result.EndOfMessage)
            {
                return (result.MessageType == WebSocketMessageType.Text ? Received.Text : Received.Binary, length);
            }
        }
    }

    private async Task HandleAsync(ReadOnlyMemory<byte> json)
    {
        if (_budget is not null && !_budget.TryTake(MonotonicClock.Now))
        {
            await RefuseAsync($"Too many messages: at most {_budget.PerSecond:0.#} per second.", StatusCodes.Status429TooManyRequests, null).ConfigureAwait(false);
            return;
        }
        if (!ClientMessageParser.TryParse(json, out var message, out var error))
        {
            await RefuseAsync(error, StatusCodes.Status400BadRequest, null).ConfigureAwait(false);
            return;
        }
        _strikes = 0;
        switch (message)
        {
            case JoinMessage join:
                await JoinAsync(join).ConfigureAwait(false);
                break;
            case LeaveMessage:
                await LeaveAsync().ConfigureAwait(false);
                break;
            case MuteMessage mute:
                await MuteAsync(mute).ConfigureAwait(false);
                break;
            case LayoutMessage layout:
                await SetLayoutAsync(layout).ConfigureAwait(false);
                break;
            case RecordMessage record:
                await RecordAsync(record).ConfigureAwait(false);
                break;
            default:
                // Trickle: the server is ICE-lite and learns the browser's address from its checks.
                break;
        }
    }

    private async Task JoinAsync(JoinMessage join)
    {
        if (_membership is { } current)
        {
            await SendErrorAsync($"This connection is already in room '{current.Room.Name}'; leave first.", StatusCodes.Status409Conflict, join.Type).ConfigureAwait(false);
            return;
        }
        if (_authorize(join.Room) is { } refusal)
        {
            await SendErrorAsync(refusal, StatusCodes.Status401Unauthorized, join.Type).ConfigureAwait(false);
            return;
        }
        Room room;
        JoinResult result;
        try
        {
            (room, result) = await EnterAsync(join).ConfigureAwait(false);
        }
        catch (ConferenceException e)
        {
            await SendErrorAsync(e.Message, HttpProblems.StatusOf(e.Error), join.Type).ConfigureAwait(false);
            return;
        }
        catch (SdpException e)
        {
            await SendErrorAsync("The offer is unusable: " + e.Message, StatusCodes.Status400BadRequest, join.Type).ConfigureAwait(false);
            return;
        }
        catch (ObjectDisposedException)
        {
            await SendErrorAsync("The server is shutting down.", StatusCodes.Status503ServiceUnavailable, join.Type).ConfigureAwait(false);
            return;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A fault of ours, not of the request: this socket hears of it; the server goes on.
            LogJoinFailed(_logger, join.Room, e);
            await SendErrorAsync("The server could not add you to the room.", StatusCodes.Status500InternalServerError, join.Type).ConfigureAwait(false);
            return;
        }
        var membership = new RoomMembership(room, result.MemberId);
        _membership = membership;
        LogJoined(_logger, room.Name, result.MemberId, result.Kind);
        await SendAsync(static (writer, joined) => writer.Joined(joined.MemberId, joined.Answer), result).ConfigureAwait(false);
        membership.Start(PublishStateAsync, StateInterval);
    }

    // An empty room may be closed by the registry's sweep between finding it and joining it;
    // asking again then makes a fresh one.
    private async Task<(Room Room, JoinResult Result)> EnterAsync(JoinMessage join)
    {
        for (var attempt = 0; ; attempt++)
        {
            var room = _rooms.GetOrCreate(join.Room);
            try
            {
                return (room, await room.JoinAsync(join.Offer, join.Name, join.Kind).ConfigureAwait(false));
            }
            catch (ObjectDisposedException) when (attempt == 0)
            {
            }
        }
    }

    private async Task LeaveAsync()
    {
        if (_membership is null)
        {
            await SendErrorAsync("You are not in a room.", StatusCodes.Status409Conflict, "leave").ConfigureAwait(false);
            return;
        }
        await HangUpAsync("left", notify: true).ConfigureAwait(false);
    }

    private async Task MuteAsync(MuteMessage mute)
    {
        if (await RequireMembershipAsync(mute.Type).ConfigureAwait(false) is { } membership
            && !membership.Room.SetMuted(membership.MemberId, mute.Muted))
        {
            await SendErrorAsync("You are no longer in the room.", StatusCodes.Status404NotFound, mute.Type).ConfigureAwait(false);
        }
    }

    private async Task SetLayoutAsync(LayoutMessage layout)
    {
        if (await RequireMembershipAsync(layout.Type).ConfigureAwait(false) is { } membership
            && !membership.Room.SetLayout(layout.Layout))
        {
            await SendErrorAsync($"There is no layout '{layout.Layout}'.", StatusCodes.Status404NotFound, layout.Type).ConfigureAwait(false);
        }
    }

    // Success shows in the room state everybody gets; only a refusal is answered here.
    private async Task RecordAsync(RecordMessage record)
    {
        if (await RequireMembershipAsync(record.Type).ConfigureAwait(false) is not { } membership)
        {
            return;
        }
        var room = membership.Room;
        if (!record.Start)
        {
            if (_recordings.StopRunning(room.Name) is null)
            {
                await SendErrorAsync("The room is not being recorded.", StatusCodes.Status409Conflict, record.Type).ConfigureAwait(false);
            }
            return;
        }
        try
        {
            var started = _recordings.Manager.Start(room);
            if (started.State == RecordingState.Failed)
            {
                await SendErrorAsync(started.Error ?? "The recording could not start.", StatusCodes.Status500InternalServerError, record.Type).ConfigureAwait(false);
            }
        }
        catch (RecordingConflictException)
        {
            await SendErrorAsync("The room is already being recorded.", StatusCodes.Status409Conflict, record.Type).ConfigureAwait(false);
        }
    }

    private async Task<RoomMembership?> RequireMembershipAsync(string request)
    {
        var membership = _membership;
        if (membership is null)
        {
            await SendErrorAsync("Join a room first.", StatusCodes.Status409Conflict, request).ConfigureAwait(false);
        }
        return membership;
    }

    // The pump's publisher: the newest state, or "left" once the room no longer has the member.
    private async Task<bool> PublishStateAsync(RoomMembership membership)
    {
        if (membership.IsPresent)
        {
            await SendAsync(static (writer, state) => writer.RoomState(state.Room, state.Recordings.Latest(state.Room.Name)),
                (membership.Room, Recordings: _recordings)).ConfigureAwait(false);
            return true;
        }
        if (Interlocked.CompareExchange(ref _membership, null, membership) == membership)
        {
            LogRemoved(_logger, membership.Room.Name, membership.MemberId);
            await SendAsync(static (writer, _) => writer.Left("removed"), 0).ConfigureAwait(false);
        }
        return false;
    }

    private async Task HangUpAsync(string reason, bool notify)
    {
        var membership = Interlocked.Exchange(ref _membership, null);
        if (membership is null)
        {
            return;
        }
        await membership.StopAsync().ConfigureAwait(false);
        try
        {
            await membership.Room.RemoveAsync(membership.MemberId, reason).ConfigureAwait(false);
        }
        catch (Exception e) when (e is TimeoutException or ObjectDisposedException)
        {
            // The member's loop did not confirm in time, or the server is closing every room anyway.
        }
        LogLeft(_logger, membership.Room.Name, membership.MemberId, reason);
        if (notify)
        {
            await SendAsync(static (writer, why) => writer.Left(why), reason).ConfigureAwait(false);
        }
    }

    private async Task RefuseAsync(string message, int status, string? request)
    {
        await SendErrorAsync(message, status, request).ConfigureAwait(false);
        if (++_strikes >= MaxStrikes)
        {
            LogAbuse(_logger, _strikes);
            await CloseAsync(WebSocketCloseStatus.PolicyViolation, "too many refused messages").ConfigureAwait(false);
        }
    }

    private Task SendErrorAsync(string message, int status, string? request) =>
        SendAsync(static (writer, error) => writer.Error(error.message, error.status, error.request), (message, status, request));

    // Never throws for a socket that is closing or gone: the receive loop notices that and ends.
    private async Task SendAsync<TState>(Func<ServerMessageWriter, TState, ReadOnlyMemory<byte>> build, TState state)
    {
        await _sendLock.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_socket.State == WebSocketState.Open && !_closing)
            {
                await _socket.SendAsync(build(_messages, state), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is WebSocketException or ObjectDisposedException or OperationCanceledException)
        {
        }
        finally
        {
            _sendLock.Release();
        }
    }

    private async Task CloseAsync(WebSocketCloseStatus status, string description)
    {
        await _sendLock.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_closing || _socket.State is not (WebSocketState.Open or WebSocketState.CloseReceived))
            {
                return;
            }
            _closing = true;
            await _socket.CloseOutputAsync(status, description, CancellationToken.None).ConfigureAwait(false);
            _receiveAbort.CancelAfter(CloseTimeout);
        }
        catch (Exception e) when (e is WebSocketException or ObjectDisposedException or OperationCanceledException)
        {
        }
        finally
        {
            _sendLock.Release();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Room {Room}: member {MemberId} joined over /ws as {Kind}")]
    private static partial void LogJoined(ILogger logger, string room, int memberId, MemberKind kind);

    [LoggerMessage(Level = LogLevel.Information, Message = "Room {Room}: member {MemberId} left over /ws: {Reason}")]
    private static partial void LogLeft(ILogger logger, string room, int memberId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Room {Room}: member {MemberId} was removed by the server; told its socket")]
    private static partial void LogRemoved(ILogger logger, string room, int memberId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Room {Room}: a join over /ws failed")]
    private static partial void LogJoinFailed(ILogger logger, string room, Exception error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Closing a /ws connection after {Strikes} refused messages in a row")]
    private static partial void LogAbuse(ILogger logger, int strikes);
}
