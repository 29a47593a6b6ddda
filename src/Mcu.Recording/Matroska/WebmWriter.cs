namespace Mcu.Recording.Matroska;

/// <summary>
/// A WebM (Matroska) muxer for one VP8 and one Opus track, written for crash safety: the header
/// goes out first with an unknown Segment size, then each Cluster is written whole and flushed
/// to the OS when it closes (at every video keyframe and after at most a second), so the file
/// plays up to its last Cluster whenever the process dies. A graceful <see cref="Finish"/> adds
/// Cues, a SeekHead, the Duration and the Segment size; nothing before it depends on them.
/// Block timestamps are milliseconds on the caller's timeline. Not thread-safe.
/// </summary>
internal sealed class WebmWriter
{
    /// <summary>TimestampScale: one tick of a block timestamp is a millisecond.</summary>
    public const ulong NanosecondsPerTick = 1_000_000;

    /// <summary>A Cluster closes once it spans this long, which bounds what a crash can lose.</summary>
    public const long MaxClusterSpan = 1_000;

    private readonly Stream _stream;
    private readonly WebmHeaderLayout _layout;
    private readonly ClusterBuilder _cluster = new();
    private readonly List<CuePoint> _cues = [];
    private long _length;
    private long _lastVideo = -1;
    private long _lastAudio = -1;
    private long _videoFrameDuration;
    private long _end;
    private long _rejected;
    private bool _finished;

    /// <summary>Writes and flushes the header at once: a file that exists is a valid, empty recording.</summary>
    public WebmWriter(Stream stream, WebmSettings settings)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(settings);
        _stream = stream;
        var header = new byte[WebmHeader.MaxSize(settings)];
        var length = WebmHeader.Write(header, settings, out _layout);
        Append(header.AsSpan(0, length));
    }

    /// <summary>Bytes handed to the stream (and flushed) so far; readable from any thread.</summary>
    public long BytesWritten => Interlocked.Read(ref _length);

    /// <summary>The end of the last block written, in milliseconds; readable from any thread.</summary>
    public long DurationMilliseconds => Interlocked.Read(ref _end);

    /// <summary>Frames refused because their timestamp went backwards on their track or was negative.</summary>
    public long FramesRejected => Interlocked.Read(ref _rejected);

    public bool WriteVideo(long timestamp, bool keyframe, ReadOnlySpan<byte> frame)
    {
        if (timestamp < 0 || timestamp < _lastVideo || _finished)
        {
            return Reject();
        }
        if (_cluster.IsOpen && (keyframe || timestamp - _cluster.Timestamp >= MaxClusterSpan))
        {
            CloseCluster();
        }
        if (!_cluster.IsOpen && keyframe)
        {
            _cues.Add(new CuePoint(timestamp, _length - _layout.SegmentDataStart));
        }
        Add(WebmSettings.VideoTrack, timestamp, keyframe, frame);
        if (_lastVideo >= 0)
        {
            _videoFrameDuration = timestamp - _lastVideo;
        }
        _lastVideo = timestamp;
        ExtendTo(timestamp + _videoFrameDuration);
        return true;
    }

    /// <param name="duration">How much audio the packet holds, in milliseconds.</param>
    public bool WriteAudio(long timestamp, ReadOnlySpan<byte> packet, long duration)
    {
        if (timestamp < 0 || timestamp < _lastAudio || _finished)
        {
            return Reject();
        }
        if (_cluster.IsOpen && timestamp - _cluster.Timestamp >= MaxClusterSpan)
        {
            CloseCluster();
        }
        Add(WebmSettings.AudioTrack, timestamp, true, packet);
        _lastAudio = timestamp;
        ExtendTo(timestamp + duration);
        return true;
    }

    /// <summary>
    /// Writes the open Cluster, then (on a seekable stream) the Cues at the end and the SeekHead,
    /// Duration and Segment size into the header. Each patch leaves a valid file on its own.
    /// </summary>
    public void Finish()
    {
        if (_finished)
        {
            return;
        }
        _finished = true;
        if (_cluster.IsOpen)
        {
            CloseCluster();
        }
        if (!_stream.CanSeek)
        {
            return;
        }
        Span<(uint, long)> entries = stackalloc (uint, long)[3];
        entries[0] = (MatroskaIds.Info, _layout.InfoOffset - _layout.SegmentDataStart);
        entries[1] = (MatroskaIds.Tracks, _layout.TracksOffset - _layout.SegmentDataStart);
        var count = 2;
        if (_cues.Count > 0)
        {
            entries[count++] = (MatroskaIds.Cues, _length - _layout.SegmentDataStart);
            var cues = new byte[Cues.MaxSize(_cues.Count)];
            Append(cues.AsSpan(0, Cues.Write(cues, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_cues), WebmSettings.VideoTrack)));
        }

        Span<byte> patch = stackalloc byte[WebmHeader.SeekHeadSize];
        SeekHead.Write(patch, entries[..count]);
        Patch(_layout.SeekHeadOffset, patch);

        var duration = new EbmlWriter(patch);
        duration.WriteFloat(MatroskaIds.Duration, DurationMilliseconds);
        Patch(_layout.DurationOffset, duration.Written);

        var segment = new EbmlWriter(patch);
        segment.WriteSize((ulong)(_length - _layout.SegmentDataStart), 8);
        Patch(_layout.SegmentSizeOffset, segment.Written);
        _stream.Flush();
    }

    private void Add(int track, long timestamp, bool keyframe, ReadOnlySpan<byte> frame)
    {
        if (!_cluster.IsOpen)
        {
            _cluster.Open(timestamp);
        }
        if (!_cluster.TryAdd(track, timestamp, keyframe, frame))
        {
            // Too far behind the Cluster's timestamp for a 16-bit offset: give it a Cluster of its own.
            CloseCluster();
            _cluster.Open(timestamp);
            _cluster.TryAdd(track, timestamp, keyframe, frame);
        }
    }

    private void CloseCluster() => Append(_cluster.Close());

    private void Append(ReadOnlySpan<byte> bytes)
    {
        _stream.Write(bytes);
        _stream.Flush();
        Interlocked.Add(ref _length, bytes.Length);
    }

    private void Patch(long offset, ReadOnlySpan<byte> bytes)
    {
        _stream.Position = offset;
        _stream.Write(bytes);
        _stream.Position = _length;
    }

    private void ExtendTo(long end)
    {
        if (end > _end)
        {
            Interlocked.Exchange(ref _end, end);
        }
    }

    private bool Reject()
    {
        Interlocked.Increment(ref _rejected);
        return false;
    }
}
