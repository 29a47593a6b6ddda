using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;

namespace Mcu.Server.Tests.Signaling;

/// <summary>
/// A ClientWebSocket on /ws that reads in the background, so that tests wait for messages with
/// a timeout without aborting the socket (a cancelled ReceiveAsync would).
/// </summary>
internal sealed class SignalingTestClient : IAsyncDisposable
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    private readonly Channel<JsonElement> _messages = Channel.CreateUnbounded<JsonElement>();
    private readonly Task _reader;

    private SignalingTestClient(ClientWebSocket socket)
    {
        Socket = socket;
        _reader = Task.Run(ReadAsync);
    }

    public ClientWebSocket Socket { get; }

    /// <summary>How the server closed the socket, once it has.</summary>
    public WebSocketCloseStatus? CloseStatus => Socket.CloseStatus;

    public static async Task<SignalingTestClient> ConnectAsync(Uri baseAddress, string? query = null)
    {
        var uri = new UriBuilder(new Uri(baseAddress, "/ws")) { Scheme = baseAddress.Scheme == "https" ? "wss" : "ws", Query = query ?? string.Empty }.Uri;
        var socket = new ClientWebSocket();
        await socket.ConnectAsync(uri, CancellationToken.None);
        return new SignalingTestClient(socket);
    }

    public Task SendAsync(object message) => SendTextAsync(JsonSerializer.Serialize(message));

    public Task SendTextAsync(string text) =>
        Socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);

    /// <summary>The next message, whatever it is.</summary>
    public async Task<JsonElement> ReceiveAsync(TimeSpan? timeout = null)
    {
        using var cancel = new CancellationTokenSource(timeout ?? DefaultTimeout);
        try
        {
            return await _messages.Reader.ReadAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"no message within {timeout ?? DefaultTimeout}");
        }
        catch (ChannelClosedException)
        {
            throw new InvalidOperationException($"the socket closed ({Socket.CloseStatus} {Socket.CloseStatusDescription}) before a message came");
        }
    }

    /// <summary>The next message of <paramref name="type"/>, skipping others (room states arrive at any time).</summary>
    public Task<JsonElement> ReceiveAsync(string type, TimeSpan? timeout = null) => ReceiveUntilAsync(m => m.GetProperty("type").GetString() == type, timeout);

    /// <summary>The next room state that satisfies <paramref name="match"/>.</summary>
    public async Task<JsonElement> ReceiveStateAsync(Func<JsonElement, bool> match, TimeSpan? timeout = null)
    {
        var message = await ReceiveUntilAsync(m => m.GetProperty("type").GetString() == "room" && match(m.GetProperty("state")), timeout);
        return message.GetProperty("state");
    }

    public async Task<JsonElement> ReceiveUntilAsync(Func<JsonElement, bool> match, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? DefaultTimeout);
        var seen = new List<string>();
        while (true)
        {
            var left = deadline - DateTime.UtcNow;
            JsonElement message;
            try
            {
                message = await ReceiveAsync(left > TimeSpan.Zero ? left : TimeSpan.FromMilliseconds(1));
            }
            catch (TimeoutException)
            {
                throw new TimeoutException($"no matching message; saw: {string.Join(" | ", seen)}");
            }
            if (match(message))
            {
                return message;
            }
            seen.Add(message.GetRawText());
        }
    }

    /// <summary>Waits until the server has closed the socket; true when it did within the timeout.</summary>
    public async Task<bool> WaitForCloseAsync(TimeSpan? timeout = null)
    {
        var finished = await Task.WhenAny(_reader, Task.Delay(timeout ?? DefaultTimeout));
        return finished == _reader;
    }

    public async ValueTask DisposeAsync()
    {
        if (Socket.State == WebSocketState.Open)
        {
            try
            {
                await Socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5));
            }
            catch (Exception e) when (e is WebSocketException or TimeoutException)
            {
                Socket.Abort();
            }
        }
        await _reader.WaitAsync(TimeSpan.FromSeconds(5)).ContinueWith(_ => { }, TaskScheduler.Default);
        Socket.Dispose();
    }

    private async Task ReadAsync()
    {
        var buffer = new byte[256 * 1024];
        try
        {
            while (true)
            {
                var length = 0;
                ValueWebSocketReceiveResult result;
                do
                {
                    result = await Socket.ReceiveAsync(buffer.AsMemory(length), CancellationToken.None);
                    length += result.Count;
                }
                while (!result.EndOfMessage);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    if (Socket.State == WebSocketState.CloseReceived)
                    {
                        await Socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "ok", CancellationToken.None);
                    }
                    return;
                }
                using var document = JsonDocument.Parse(buffer.AsMemory(0, length));
                await _messages.Writer.WriteAsync(document.RootElement.Clone());
            }
        }
        catch (WebSocketException)
        {
            // Aborted or reset: the test sees it through CloseStatus and the closed channel.
        }
        finally
        {
            _messages.Writer.TryComplete();
        }
    }
}
