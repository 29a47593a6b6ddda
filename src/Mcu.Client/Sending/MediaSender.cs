using System.Collections.Concurrent;
using System.Diagnostics;
using Mcu.Media.Native;
using Mcu.Rtp;
using Mcu.Rtp.Vp8;
using Mcu.Sdp;
using Mcu.Transport;

namespace Mcu.Client.Sending;

/// <summary>
/// Paces the bot's media on a thread of its own: an Opus frame every 20 ms and a VP8 frame every
/// 1/fps, packetized here and handed to the connection's loop in pooled batches.
/// </summary>
internal sealed class MediaSender : IDisposable
{
    private const int MaxPayload = 1200;
    private static readonly TimeSpan AudioInterval = TimeSpan.FromMilliseconds(20);

    private readonly MediaBotOptions _options;
    private readonly PeerConnection _connection;
    private readonly NegotiatedMedia? _audio;
    private readonly NegotiatedMedia? _video;
    private readonly VideoSource? _videoSource;
    private readonly AudioSource? _audioSource;
    private readonly Vp8Packetizer _packetizer = new((ushort)Random.Shared.Next(0, 0x7FFF));
    private readonly ConcurrentQueue<PacketBatch> _batches = new();
    // No spinning before a wait: the sender knows how long it sleeps, and many bots share the
    // load generator's cores with the server they load.
    private readonly ManualResetEventSlim _stop = new(initialState: false, spinCount: 0);
    private readonly Thread _thread;
    private ushort _audioSequence = (ushort)Random.Shared.Next();
    private ushort _videoSequence = (ushort)Random.Shared.Next();
    private volatile bool _paused;
    private long _audioPackets;
    private long _videoFrames;
    private int _lastColor = -1;

    public MediaSender(MediaBotOptions options, PeerConnection connection, NegotiatedMedia? audio, NegotiatedMedia? video)
    {
        _options = options;
        _connection = connection;
        _audio = audio;
        _video = video;
        if (video is not null)
        {
            _videoSource = new VideoSource(options);
            if (options is { SolidColor: not null, AlternateColor: not null })
            {
                ColorSwitches = new TimedValueLog(4096);
            }
        }
        if (audio is not null)
        {
            _audioSource = new AudioSource(options);
        }
        _thread = new Thread(Run) { Name = "mcu-bot-sender", IsBackground = true };
    }

    public long AudioPacketsSent => Interlocked.Read(ref _audioPackets);

    public long VideoFramesSent => Interlocked.Read(ref _videoFrames);

    /// <summary>When the last packet of each frame that switched colour was sent, and the colour; null without <see cref="MediaBotOptions.AlternateColor"/>.</summary>
    public TimedValueLog? ColorSwitches { get; }

    public void Start() => _thread.Start();

    /// <summary>Stops or resumes sending, as a sender whose network or encoder stalls.</summary>
    public bool Paused
    {
        get => _paused;
        set => _paused = value;
    }

    /// <summary>Any thread: the server asked for a keyframe.</summary>
    public void RequestKeyframe() => _videoSource?.RequestKeyframe();

    public void Dispose()
    {
        _stop.Set();
        if (_thread.IsAlive)
        {
            _thread.Join();
        }
        _videoSource?.Dispose();
        _audioSource?.Dispose();
        _stop.Dispose();
    }

    private void Run()
    {
        var videoInterval = TimeSpan.FromSeconds(1.0 / _options.FrameRate);
        var start = Stopwatch.GetTimestamp();
        long audioFrame = 0;
        long videoFrame = 0;
        while (!_stop.IsSet)
        {
            var elapsed = Stopwatch.GetElapsedTime(start);
            // A bot that fell far behind skips ahead rather than bursting.
            if (elapsed - (audioFrame * AudioInterval) > TimeSpan.FromMilliseconds(200))
            {
                audioFrame = (long)(elapsed / AudioInterval);
            }
            if (elapsed - (videoFrame * videoInterval) > TimeSpan.FromMilliseconds(200))
            {
                videoFrame = (long)(elapsed / videoInterval);
            }
            var batch = Rent();
            if (_audio is not null)
            {
                while (audioFrame * AudioInterval <= elapsed)
                {
                    WriteAudio(batch, audioFrame++);
                }
            }
            if (_video is not null)
            {
                while (videoFrame * videoInterval <= elapsed)
                {
                    WriteVideo(batch, videoFrame++);
                }
            }
            if (batch.Count > 0 && !_paused)
            {
                _connection.Loop.Post(batch);
            }
            else
            {
                batch.Clear();
                _batches.Enqueue(batch);
            }
            var nextAudio = _audio is null ? TimeSpan.MaxValue : audioFrame * AudioInterval;
            var nextVideo = _video is null ? TimeSpan.MaxValue : videoFrame * videoInterval;
            var next = nextAudio < nextVideo ? nextAudio : nextVideo;
            var wait = next == TimeSpan.MaxValue ? TimeSpan.FromSeconds(1) : next - Stopwatch.GetElapsedTime(start);
            if (wait > TimeSpan.Zero)
            {
                _stop.Wait((int)Math.Ceiling(wait.TotalMilliseconds)); // whole milliseconds, rounded up: no spinning
            }
        }
    }

    private PacketBatch Rent()
    {
        if (!_batches.TryDequeue(out var batch))
        {
            batch = new PacketBatch(_batches.Enqueue);
        }
        batch.Connection = _connection;
        batch.Marks = ColorSwitches;
        return batch;
    }

    private void WriteAudio(PacketBatch batch, long frame)
    {
        var opus = _audioSource!.Next(frame);
        var header = new RtpHeader((byte)_audio!.Codec!.PayloadType, _audioSequence++, (uint)(frame * AudioSource.FrameSamples), _audio.LocalTrack!.Ssrc);
        if (RtpPacketWriter.TryCreate(batch.Next(), header, out var writer)
            && writer.TryWritePayload(opus, out var packetLength))
        {
            batch.Commit(packetLength);
            Interlocked.Increment(ref _audioPackets);
        }
    }

    private void WriteVideo(PacketBatch batch, long frame)
    {
        var data = _videoSource!.Next(out _);
        if (data.IsEmpty || !_packetizer.TryPacketize(data, MaxPayload, out var payloads))
        {
            return;
        }
        var header = new RtpHeader((byte)_video!.Codec!.PayloadType, 0, (uint)(frame * 90_000 / _options.FrameRate), _video.LocalTrack!.Ssrc);
        while (!payloads.IsComplete)
        {
            if (!payloads.TryWriteNextPacket(batch.Next(), header with { SequenceNumber = _videoSequence++ }, out var written))
            {
                return;
            }
            batch.Commit(written);
        }
        var color = _videoSource.LastColor;
        if (ColorSwitches is not null && color != _lastColor)
        {
            batch.MarkLastPacket(color);
        }
        _lastColor = color;
        Interlocked.Increment(ref _videoFrames);
    }
}
