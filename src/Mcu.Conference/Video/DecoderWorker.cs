using System.Buffers;
using System.Collections.Concurrent;
using Mcu.Media.Native;

namespace Mcu.Conference.Video;

/// <summary>
/// The room's decoder thread: decodes every member's complete VP8 frames in arrival order and
/// publishes each picture to the member's <see cref="LatestFrameSlot"/>. Encoded frames cannot
/// be skipped one by one (each depends on the last), so when a member's queue backs up the
/// frames beyond it are dropped (counted) and a keyframe requested to start again from. Built without a thread, it decodes only when its
/// caller calls <see cref="DecodeQueued"/> (a room driven by its caller, like the benchmark's
/// single-threaded references).
/// </summary>
internal sealed class DecoderWorker : IDisposable
{
    private const int MaxPendingPerMember = 16;

    private readonly ConcurrentQueue<Job> _jobs = new();
    private readonly ConcurrentQueue<Job> _freeJobs = new();
    // No spinning before a wait: a spinning decoder thread burns the CPU the room's other
    // threads need (sched_yield took ~2 % of a loaded server), and frames come 33 ms apart.
    private readonly ManualResetEventSlim _wake = new(initialState: false, spinCount: 0);
    private readonly SharedFramePool _frames = new();
    private readonly Dictionary<RoomMember, Vp8Decoder> _decoders = [];
    private readonly Thread? _thread;
    private volatile bool _stopping;
    private long _decoded;
    private long _dropped;
    private long _failed;

    public DecoderWorker(string name, bool ownThread = true)
    {
        if (ownThread)
        {
            _thread = new Thread(Run) { Name = name, IsBackground = true };
            _thread.Start();
        }
    }

    public long FramesDecoded => Interlocked.Read(ref _decoded);

    /// <summary>Frames dropped because a member's queue was full.</summary>
    public long FramesDropped => Interlocked.Read(ref _dropped);

    /// <summary>Frames the decoder rejected or reported corrupt.</summary>
    public long FramesFailed => Interlocked.Read(ref _failed);

    /// <summary>Any thread: queues a copy of one complete encoded frame.</summary>
    public void Enqueue(RoomMember member, ReadOnlySpan<byte> frame)
    {
        if (Interlocked.Increment(ref member.PendingDecodes) > MaxPendingPerMember)
        {
            Interlocked.Decrement(ref member.PendingDecodes);
            Interlocked.Increment(ref _dropped);
            ConferenceMetrics.FramesDroppedBeforeDecode.Add(1);
            member.DecoderWantsKeyframe = true;
            return;
        }
        if (!_freeJobs.TryDequeue(out var job))
        {
            job = new Job();
        }
        job.Member = member;
        job.Data = ArrayPool<byte>.Shared.Rent(frame.Length);
        job.Length = frame.Length;
        frame.CopyTo(job.Data);
        Post(job);
    }

    /// <summary>Any thread: frees the member's decoder once its queued frames are done.</summary>
    public void Forget(RoomMember member)
    {
        if (!_freeJobs.TryDequeue(out var job))
        {
            job = new Job();
        }
        job.Member = member;
        job.Data = null;
        Post(job);
    }

    /// <summary>
    /// Without a thread of its own: decodes everything queued so far on the caller's thread and
    /// returns how many jobs it took.
    /// </summary>
    public int DecodeQueued()
    {
        if (_thread is not null)
        {
            throw new InvalidOperationException("This decoder has its own thread; it decodes as frames are queued.");
        }
        var taken = 0;
        while (_jobs.TryDequeue(out var job))
        {
            taken++;
            ProcessAndReturn(job);
        }
        return taken;
    }

    public void Dispose()
    {
        _stopping = true;
        if (_thread is not null)
        {
            _wake.Set();
            _thread.Join();
        }
        foreach (var decoder in _decoders.Values)
        {
            decoder.Dispose();
        }
        _decoders.Clear();
        while (_jobs.TryDequeue(out var job))
        {
            Return(job);
        }
        _wake.Dispose();
    }

    private void Run()
    {
        while (!_stopping)
        {
            // Reset before draining: a Post that lands after this point wakes the next Wait.
            _wake.Reset();
            while (!_stopping && _jobs.TryDequeue(out var job))
            {
                ProcessAndReturn(job);
            }
            if (!_stopping)
            {
                _wake.Wait();
            }
        }
    }

    private void ProcessAndReturn(Job job)
    {
        try
        {
            Process(job);
        }
        finally
        {
            Return(job);
        }
    }

    private void Process(Job job)
    {
        var member = job.Member!;
        if (job.Data is null)
        {
            if (_decoders.Remove(member, out var gone))
            {
                gone.Dispose();
            }
            member.VideoSlot.Clear();
            return;
        }
        Interlocked.Decrement(ref member.PendingDecodes);
        if (member.IsEnded)
        {
            return;
        }
        if (!_decoders.TryGetValue(member, out var decoder))
        {
            decoder = new Vp8Decoder();
            _decoders[member] = decoder;
        }
        var status = decoder.Decode(job.Data.AsSpan(0, job.Length), out var picture);
        if (status != Vp8DecodeStatus.Decoded)
        {
            if (status != Vp8DecodeStatus.NoFrame)
            {
                Interlocked.Increment(ref _failed);
                member.DecoderWantsKeyframe = true;
            }
            return;
        }
        // The compositor wants even sizes: an odd sender loses its last row or column, and a
        // picture narrower than 2 pixels has nothing to show.
        if (picture.Width < 2 || picture.Height < 2)
        {
            return;
        }
        // No copy: the slot keeps the decoder's own picture, and later decodes write elsewhere.
        member.VideoSlot.Publish(_frames.Share(decoder.KeepPicture()));
        Interlocked.Increment(ref _decoded);
    }

    private void Post(Job job)
    {
        _jobs.Enqueue(job);
        if (_thread is not null)
        {
            _wake.Set();
        }
    }

    private void Return(Job job)
    {
        if (job.Data is not null)
        {
            ArrayPool<byte>.Shared.Return(job.Data);
        }
        job.Data = null;
        job.Member = null;
        _freeJobs.Enqueue(job);
    }

    private sealed class Job
    {
        public RoomMember? Member;
        public byte[]? Data;
        public int Length;
    }
}
