using System.Collections.Concurrent;
using Mcu.Compositor;
using Mcu.Compositor.Layouts;
using Mcu.Conference.Outbound;
using Mcu.Media.Native;
using Mcu.Rtp;
using Mcu.Rtp.Streams;
using Mcu.Rtp.Vp8;

namespace Mcu.Conference.Video;

/// <summary>
/// The room's video tick (room clock thread): each shown member's newest picture into its slot
/// of the current layout, one VP8 encode of the composite, packetized once and handed to the
/// loops. Keyframes are debounced; the bitrate follows the receivers' estimates.
/// </summary>
internal sealed class VideoEngine : IDisposable
{
    private const byte SourcePayloadType = 96;
    private const int MaxPayload = 1180;

    private readonly Room _room;
    private readonly RoomOptions _options;
    private readonly VideoCompositor _compositor;
    private readonly Vp8Encoder _encoder;
    private readonly Vp8Packetizer _packetizer = new((ushort)Random.Shared.Next(0, 0x7FFF));
    private readonly ConcurrentQueue<OutgoingVideoFrame> _pool = new();
    private readonly uint _sourceSsrc = (uint)Random.Shared.Next(1, int.MaxValue);
    private CompositorTile[] _tiles = [];
    private SharedFrame?[] _held = [];
    private int[] _slots = [];
    private readonly Dictionary<int, long> _drawnVersions = [];
    private LayoutDefinition? _lastLayout;
    private ushort _sequence = (ushort)Random.Shared.Next();
    private TimeSpan _lastKeyframe;

    public VideoEngine(Room room, RoomOptions options)
    {
        _room = room;
        _options = options;
        _compositor = new VideoCompositor(new CompositorOptions { Width = options.Width, Height = options.Height });
        _encoder = new Vp8Encoder(new Vp8EncoderSettings
        {
            Width = options.Width,
            Height = options.Height,
            FrameRate = options.FrameRate,
            BitrateBps = options.VideoBitrateBps,
            // Keyframes come on request (join, PLI, layout change) or at the configured interval.
            KeyframeInterval = 100_000,
        });
    }

    public long FramesEncoded { get; private set; }

    public long KeyframesEncoded { get; private set; }

    public int BitrateBps => _encoder.BitrateBps;

    /// <summary>The layout drawn at the last tick.</summary>
    public LayoutDefinition? CurrentLayout => _lastLayout;

    public void Tick(TimeSpan now, RoomMember[] members, int? speakerId)
    {
        var receivers = 0;
        var shown = 0;
        foreach (var member in members)
        {
            if (member.IsEnded)
            {
                continue;
            }
            if (member.ReceivesVideo && member.IsConnected)
            {
                receivers++;
            }
            if (member.IsShown)
            {
                shown++;
            }
        }
        var taps = _room.Taps;
        if (receivers == 0 && taps.Length == 0)
        {
            return; // nobody watches and nothing records: no compose, no encode
        }
        var layout = _room.ResolveLayout(shown);
        if (!ReferenceEquals(layout, _lastLayout))
        {
            _lastLayout = layout;
            _room.Keyframes.Force(); // the whole picture changes
        }
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        Compose(layout, members, shown, speakerId);
        ConferenceMetrics.ComposeMilliseconds.Record(ConferenceMetrics.Milliseconds(started));
        started = System.Diagnostics.Stopwatch.GetTimestamp();
        Encode(now, taps);
        ConferenceMetrics.EncodeMilliseconds.Record(ConferenceMetrics.Milliseconds(started));
    }

    public void Dispose()
    {
        _compositor.Dispose();
        _encoder.Dispose();
    }

    private void Compose(LayoutDefinition layout, RoomMember[] members, int shown, int? speakerId)
    {
        var slotCount = layout.Slots.Length;
        if (_tiles.Length < slotCount)
        {
            _tiles = new CompositorTile[slotCount];
            _held = new SharedFrame?[slotCount];
            _slots = new int[slotCount];
        }
        Span<int> order = shown <= 256 ? stackalloc int[shown] : new int[shown];
        var speakerIndex = -1;
        var n = 0;
        for (var i = 0; i < members.Length; i++)
        {
            var member = members[i];
            if (member.IsEnded || !member.IsShown)
            {
                continue;
            }
            if (member.Id == speakerId)
            {
                speakerIndex = n;
            }
            order[n++] = i;
        }
        SlotAssignment.Assign(layout, n, speakerIndex, _slots.AsSpan(0, slotCount));
        for (var slot = 0; slot < slotCount; slot++)
        {
            var index = _slots[slot];
            if (index < 0)
            {
                _tiles[slot] = default;
                continue;
            }
            var member = members[order[index]];
            var frame = member.VideoSlot.Acquire(out var version);
            _held[slot] = frame;
            var changed = !_drawnVersions.TryGetValue(member.Id, out var drawn) || drawn != version;
            _drawnVersions[member.Id] = version;
            _tiles[slot] = new CompositorTile(member.IdText, member.Name, frame?.Picture, changed);
        }
        try
        {
            _compositor.Compose(layout, _tiles.AsSpan(0, slotCount));
        }
        finally
        {
            for (var slot = 0; slot < slotCount; slot++)
            {
                _held[slot]?.Release();
                _held[slot] = null;
            }
        }
    }

    private void Encode(TimeSpan now, IRoomMediaTap[] taps)
    {
        var keyframes = _room.Keyframes;
        lock (keyframes)
        {
            if (_options.KeyframeInterval > TimeSpan.Zero && now - _lastKeyframe >= _options.KeyframeInterval)
            {
                keyframes.Force();
            }
            if (keyframes.TryTakeKeyframe(now))
            {
                _encoder.RequestKeyframe();
            }
        }
        if (_room.TryTakeBitrate(now, out var bitrate) && bitrate != _encoder.BitrateBps)
        {
            _encoder.SetBitrate(bitrate);
        }
        // The encoder wants a pts that never wraps; RTP carries its low 32 bits (same origin as VideoClock).
        var pts = RtpTime.ToUnits(now - _room.VideoClock.ReferenceTime, 90_000);
        var timestamp = unchecked((uint)pts);
        var encoded = _encoder.Encode(_compositor.Canvas, pts);
        if (encoded.IsDropped || !_packetizer.TryPacketize(encoded.Data, MaxPayload, out var payloads))
        {
            return;
        }
        FramesEncoded++;
        ConferenceMetrics.CompositeFrames.Add(1);
        foreach (var tap in taps)
        {
            tap.OnVideoFrame(encoded.Data, encoded.IsKeyframe, pts);
        }
        if (encoded.IsKeyframe)
        {
            KeyframesEncoded++;
            ConferenceMetrics.Keyframes.Add(1);
            _lastKeyframe = now;
            lock (keyframes)
            {
                keyframes.OnKeyframeEncoded(now);
            }
        }
        var frame = OutgoingVideoFrame.Rent(_pool, encoded.IsKeyframe);
        var header = new RtpHeader(SourcePayloadType, 0, timestamp, _sourceSsrc);
        while (!payloads.IsComplete)
        {
            if (!payloads.TryWriteNextPacket(frame.NextPacket(), header with { SequenceNumber = _sequence++ }, out var written))
            {
                break;
            }
            frame.Commit(written);
        }
        _room.Distribute(frame);
    }
}
