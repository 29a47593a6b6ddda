using System.Runtime.InteropServices;
using Mcu.Conference;
using Mcu.Media.Native;
using Mcu.Recording.Matroska;

namespace Mcu.Recording;

/// <summary>
/// Records one room to WebM. As a tap it runs on the room clock thread and only copies: the
/// composite's VP8 frames (no second video encode) and the full mix as PCM go into a bounded
/// queue, dropped and counted when the writer falls behind, never waited for. A writer thread
/// encodes the mix to Opus once, places both tracks on one timeline from the room clock and
/// muxes them. A write error ends the recording (reported once through the failure callback);
/// the room is never affected.
/// </summary>
internal sealed class RoomRecorder : IRoomMediaTap, IDisposable
{
    private const int SamplesPerFrame = 960;
    private const int InitialSlotBytes = 4096;
    private static readonly long FrameMilliseconds = RecordingTimeline.SamplesToMilliseconds(SamplesPerFrame);

    private readonly Stream _output;
    private readonly WebmWriter _writer;
    private readonly OpusEncoder _opus;
    private readonly FrameQueue _queue;
    private readonly byte[] _packet = new byte[OpusEncoder.MaxPacketSize];
    private readonly Thread _thread;
    private readonly Action<Exception>? _onFailed;
    private readonly Action? _onKeyframeWanted;
    private RecordingTimeline _timeline;
    private long _dropped;
    private int _keyframeWanted;
    private bool _started;
    private bool _awaitingKeyframe = true;
    private volatile bool _closed;
    private volatile bool _stopping;
    private volatile Exception? _error;

    /// <summary>
    /// Writes the file header to <paramref name="output"/> at once (so an unwritable file fails
    /// here) and starts the writer thread, which owns the stream from then on.
    /// </summary>
    /// <param name="onFailed">Called once, on the writer thread, when writing fails.</param>
    /// <param name="onKeyframeWanted">Called on the writer thread after dropped video, once it has room again: video resumes at the next keyframe.</param>
    public RoomRecorder(Stream output, RoomRecorderSettings settings, Action<Exception>? onFailed = null, Action? onKeyframeWanted = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(settings);
        _output = output;
        _onFailed = onFailed;
        _onKeyframeWanted = onKeyframeWanted;
        _opus = new OpusEncoder(new OpusEncoderSettings
        {
            BitrateBps = settings.AudioBitrateBps,
            Complexity = 5,
            InbandFec = false,
            PacketLossPercent = 0,
            Dtx = false,
        });
        try
        {
            _writer = new WebmWriter(output, new WebmSettings
            {
                Width = settings.Width,
                Height = settings.Height,
                Title = settings.Title,
                StartedAt = settings.StartedAt,
            });
        }
        catch
        {
            _opus.Dispose();
            throw;
        }
        // The same period as the room clock's (RoomClock is given TimeSpan.FromSeconds(1.0 / fps)).
        _timeline = new RecordingTimeline(settings.FrameRate > 0 ? TimeSpan.FromSeconds(1.0 / settings.FrameRate) : TimeSpan.Zero);
        _queue = new FrameQueue(settings.QueueCapacity, InitialSlotBytes);
        _thread = new Thread(Run) { Name = settings.ThreadName, IsBackground = true };
        _thread.Start();
    }

    /// <summary>Frames refused because the writer was behind (and video deltas skipped until the next keyframe).</summary>
    public long FramesDropped => Interlocked.Read(ref _dropped);

    /// <summary>Frames queued and not yet written.</summary>
    public int Backlog => _queue.Count;

    /// <summary>Bytes in the file so far (every complete Cluster is flushed).</summary>
    public long BytesWritten => _writer.BytesWritten;

    /// <summary>Media time recorded so far.</summary>
    public TimeSpan Duration => TimeSpan.FromMilliseconds(_writer.DurationMilliseconds);

    /// <summary>Frames the muxer refused for timestamps that went backwards.</summary>
    public long FramesRejected => _writer.FramesRejected;

    /// <summary>Why writing stopped, when it failed.</summary>
    public Exception? Error => _error;

    // Room clock thread: copy and return.
    public void OnVideoFrame(ReadOnlySpan<byte> vp8Frame, bool isKeyframe, long pts90k)
    {
        if (_closed || vp8Frame.IsEmpty)
        {
            return;
        }
        if (_awaitingKeyframe && !isKeyframe)
        {
            // A delta frame is useless without the frames before it: the file starts, and resumes after a drop, at a keyframe.
            if (_started)
            {
                Drop();
            }
            return;
        }
        if (!_queue.TryEnqueue(MediaKind.Video, isKeyframe, pts90k, vp8Frame))
        {
            Drop();
            _awaitingKeyframe = true;
            Volatile.Write(ref _keyframeWanted, 1);
            return;
        }
        _awaitingKeyframe = false;
        _started = true;
    }

    // Room clock thread: copy and return.
    public void OnAudioFrame(ReadOnlySpan<short> pcm, long sampleIndex)
    {
        if (_closed || !_started)
        {
            return;
        }
        if (pcm.Length != SamplesPerFrame || !_queue.TryEnqueue(MediaKind.Audio, false, sampleIndex, MemoryMarshal.AsBytes(pcm)))
        {
            Drop();
        }
    }

    /// <summary>
    /// Stops taking frames, writes what is queued and finishes the file (Cues, Duration). False
    /// when the writer did not finish within <paramref name="timeout"/> (a stalled disk); it
    /// finishes on its own later.
    /// </summary>
    public bool Complete(TimeSpan timeout)
    {
        _closed = true;
        if (!_stopping)
        {
            _stopping = true;
            _queue.Wake();
        }
        return _thread.Join(timeout);
    }

    /// <summary>Completes the recording, waiting up to 10 s for the file to be finished.</summary>
    public void Dispose() => Complete(TimeSpan.FromSeconds(10));

    private void Drop()
    {
        Interlocked.Increment(ref _dropped);
        RecordingMetrics.FramesDropped.Add(1);
    }

    private void Run()
    {
        try
        {
            while (true)
            {
                _queue.Wait();
                if (!_queue.TryPeek(out var frame))
                {
                    if (_stopping)
                    {
                        break;
                    }
                    continue;
                }
                Write(frame);
                _queue.Advance();
                if (Volatile.Read(ref _keyframeWanted) != 0 && Interlocked.Exchange(ref _keyframeWanted, 0) != 0)
                {
                    _onKeyframeWanted?.Invoke();
                }
            }
            _writer.Finish();
        }
#pragma warning disable CA1031 // Whatever ends this thread ends only this recording: the server and the room go on.
        catch (Exception e)
#pragma warning restore CA1031
        {
            _closed = true;
            _error = e;
        }
        finally
        {
            CloseQuietly();
        }
        if (_error is { } error)
        {
            _onFailed?.Invoke(error);
        }
    }

    private void Write(QueuedFrame frame)
    {
        if (frame.Kind == MediaKind.Video)
        {
            if (!_timeline.HasOrigin)
            {
                _timeline.Start(frame.Timestamp); // the first queued video frame is a keyframe
            }
            _writer.WriteVideo(_timeline.VideoMilliseconds(frame.Timestamp), frame.IsKeyframe, frame.Data);
            return;
        }
        var timestamp = _timeline.AudioMilliseconds(frame.Timestamp);
        if (timestamp < 0)
        {
            return; // mixed before the first keyframe's time (the clock ran late): not part of the recording
        }
        var length = _opus.Encode(MemoryMarshal.Cast<byte, short>(frame.Data), _packet);
        _writer.WriteAudio(timestamp, _packet.AsSpan(0, length), FrameMilliseconds);
    }

    private void CloseQuietly()
    {
        _opus.Dispose();
        try
        {
            _output.Dispose();
        }
        catch (IOException e)
        {
            _error ??= e;
        }
    }
}
