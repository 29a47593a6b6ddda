using Mcu.Client.Receiving;
using Mcu.Client.Sending;
using Mcu.Media.Video;
using Mcu.Sdp;
using Mcu.Transport;

namespace Mcu.Client;

/// <summary>
/// A scripted participant: dials in with our client role, sends a synthetic VP8 picture (or a
/// solid colour) and an Opus tone, and decodes what the server sends back so that tests and
/// load tools can see and hear the conference.
/// </summary>
public sealed class MediaBot : IAsyncDisposable
{
    private readonly WebRtcClient _client;
    private readonly MediaSender _sender;
    private readonly MediaReceiver _receiver;
    private readonly Func<Task>? _hangUp;

    private MediaBot(WebRtcClient client, MediaSender sender, MediaReceiver receiver, Func<Task>? hangUp)
    {
        _client = client;
        _sender = sender;
        _receiver = receiver;
        _hangUp = hangUp;
    }

    public PeerConnection Connection => _client.Connection;

    public NegotiatedSession Negotiated => _client.Negotiated;

    public long AudioPacketsSent => _sender.AudioPacketsSent;

    public long VideoFramesSent => _sender.VideoFramesSent;

    public long VideoFramesDecoded => _receiver.VideoFramesDecoded;

    public long AudioFramesDecoded => _receiver.AudioFramesDecoded;

    public long KeyframeRequestsSent => _receiver.KeyframeRequestsSent;

    /// <inheritdoc cref="MediaReceiver.VideoFramesReceived"/>
    public long VideoFramesReceived => _receiver.VideoFramesReceived;

    /// <inheritdoc cref="MediaReceiver.AudioPacketsReceived"/>
    public long AudioPacketsReceived => _receiver.AudioPacketsReceived;

    /// <inheritdoc cref="MediaSender.ColorSwitches"/>
    public TimedValueLog? ColorSwitchesSent => _sender.ColorSwitches;

    /// <inheritdoc cref="MediaReceiver.ProbedFrames"/>
    public TimedValueLog ProbedFramesReceived => _receiver.ProbedFrames;

    /// <inheritdoc cref="MediaReceiver.SetProbe"/>
    public void SetVideoProbe(double fx, double fy) => _receiver.SetProbe(fx, fy);

    /// <summary>Video packets recovered by RTX after our NACKs.</summary>
    public long RetransmissionsReceived => _receiver.RetransmissionsReceived;

    /// <summary>Video packets dropped on purpose (<see cref="MediaBotOptions.SimulatedVideoLoss"/>).</summary>
    public long PacketsDroppedOnPurpose => _receiver.PacketsDroppedOnPurpose;

    /// <summary>Size of the last picture received, (0, 0) before the first.</summary>
    public (int Width, int Height) ReceivedVideoSize => _receiver.Video.Size;

    /// <summary>
    /// Dials in: <paramref name="signal"/> takes our offer to the server and returns its answer.
    /// Media starts once DTLS-SRTP is up; <paramref name="hangUp"/> runs at dispose (e.g. a WHIP DELETE).
    /// </summary>
    public static async Task<MediaBot> StartAsync(
        MediaBotOptions options,
        Func<string, CancellationToken, Task<string>> signal,
        Func<Task>? hangUp = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var ssrcs = new Random();
        var clientOptions = new WebRtcClientOptions
        {
            BindAddress = options.BindAddress,
            AudioTrack = options.SendAudio ? new LocalTrack(NewSsrc(ssrcs), "mcu-bot", "bot", "bot-audio") : null,
            VideoTrack = options.SendVideo ? new LocalTrack(NewSsrc(ssrcs), "mcu-bot", "bot", "bot-video") { RtxSsrc = NewSsrc(ssrcs) } : null,
            ReceiveAudio = options.ReceiveAudio,
            ReceiveVideo = options.ReceiveVideo,
        };
        var observer = new DeferredObserver();
        var client = await WebRtcClient.StartAsync(clientOptions, signal, observer, cancellationToken).ConfigureAwait(false);
        var audio = client.Negotiated.Media.FirstOrDefault(m => m.Kind == MediaKind.Audio && m.Accepted);
        var video = client.Negotiated.Media.FirstOrDefault(m => m.Kind == MediaKind.Video && m.Accepted);
        var sender = new MediaSender(options,
            client.Connection,
            audio is { Sending: true } ? audio : null,
            video is { Sending: true } ? video : null);
        var receiver = new MediaReceiver(audio, video, sender.RequestKeyframe, options.SimulatedVideoLoss, options.DecodeReceived);
        observer.Target = receiver;
        var bot = new MediaBot(client, sender, receiver, hangUp);
        try
        {
            await client.Connection.Connected.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await bot.DisposeAsync().ConfigureAwait(false);
            throw;
        }
        sender.Paused = options.StartPaused;
        sender.Start();
        return bot;
    }

    /// <summary>Stops or resumes sending media (the session stays up), as a stalled sender.</summary>
    public bool SendingPaused
    {
        get => _sender.Paused;
        set => _sender.Paused = value;
    }

    /// <inheritdoc cref="MediaReceiver.TryGetCaptureToArrival"/>
    public bool TryGetCaptureToArrival(MediaKind kind, out TimeSpan delay) => _receiver.TryGetCaptureToArrival(kind, out delay);

    /// <summary>The mean colour around a point of the last received picture (fractions of width and height).</summary>
    public YuvColor? SampleReceivedVideo(double fx, double fy) => _receiver.Video.Sample(fx, fy);

    /// <summary>The last received picture as BGRA (e.g. to save the composite), or null before the first.</summary>
    public BgraPicture? CopyReceivedPicture() => _receiver.Video.CopyBgra();

    /// <summary>Copies the most recent received audio (48 kHz mono, oldest first); returns the sample count.</summary>
    public int CopyReceivedAudio(Span<short> destination) => _receiver.Audio.CopyRecent(destination);

    public async ValueTask DisposeAsync()
    {
        _sender.Dispose();
        if (_hangUp is not null)
        {
            try
            {
                await _hangUp().ConfigureAwait(false);
            }
            catch (HttpRequestException)
            {
                // The server is gone already; closing our side below is all that is left to do.
            }
        }
        await _client.DisposeAsync().ConfigureAwait(false);
        _receiver.Dispose();
    }

    private static uint NewSsrc(Random random) => (uint)random.Next(1, int.MaxValue);
}
