using System.Buffers;
using System.Collections.Concurrent;
using Mcu.Media.Native;

namespace Mcu.Conference.Video;

/// <summary>
/// Members' complete VP8 frames, queued from any thread and decoded in arrival order on the
/// room's video thread, which publishes each picture to the member's <see cref="LatestFrameSlot"/>.
/// Decoding on the thread that composes and encodes keeps the pictures and libvpx's state in
/// one core's caches: a separate decoder thread cost the room 10-25 % more CPU per composite
/// frame, most of it in the encoder running on caches the hand-over had cooled. Encoded frames
/// cannot be skipped one by one (each depends on the last), so when a member's queue backs up
/// it is flushed and a keyframe requested instead.
/// </summary>
internal sealed class DecodeQueue : IDisposable
{
    private const int MaxPendingPerMember = 16;

    private readonly ConcurrentQueue<Job> _jobs = new();
    private readonly ConcurrentQueue<Job> _freeJobs = new();
    private readonly SharedFramePool _frames = new();
    private readonly Dictionary<RoomMember, Vp8Decoder> _decoders = [];
    private readonly Action _wake;
    private long _decoded;
    private long _dropped;
    private long _failed;

    /// <param name="wake">Tells the video thread that a job is waiting (called on the enqueuing thread).</param>
    public DecodeQueue(Action wake) => _wake = wake;

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
            member.DecoderWantsKeyframe = true;
            return;
        }
        var job = Rent(member);
        job.Data = ArrayPool<byte>.Shared.Rent(frame.Length);
        job.Length = frame.Length;
        frame.CopyTo(job.Data);
        _jobs.Enqueue(job);
        _wake();
    }

    /// <summary>Any thread: frees the member's decoder once its queued frames are done.</summary>
    public void Forget(RoomMember member)
    {
        _jobs.Enqueue(Rent(member));
        _wake();
    }

    /// <summary>Video thread: decodes the oldest queued frame; false when none was queued.</summary>
    public bool DecodeNext()
    {
        if (!_jobs.TryDequeue(out var job))
        {
            return false;
        }
        try
        {
            Process(job);
        }
        finally
        {
            Return(job);
        }
        return true;
    }

    /// <summary>Video thread: decodes everything queued, so that a tick shows the newest pictures.</summary>
    public void DecodePending()
    {
        while (DecodeNext())
        {
        }
    }

    /// <summary>Once the video thread has stopped: frees the decoders and whatever is still queued.</summary>
    public void Dispose()
    {
        foreach (var decoder in _decoders.Values)
        {
            decoder.Dispose();
        }
        _decoders.Clear();
        while (_jobs.TryDequeue(out var job))
        {
            Return(job);
        }
        _frames.Dispose();
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
        // The compositor wants even sizes; an odd sender loses its last row or column.
        var width = picture.Width & ~1;
        var height = picture.Height & ~1;
        if (width < 2 || height < 2)
        {
            return;
        }
        var shared = _frames.Rent(width, height);
        Yuv.Copy(picture.Crop(new Media.Video.PixelRect(0, 0, width, height)), shared.Frame, 0, 0);
        member.VideoSlot.Publish(shared);
        Interlocked.Increment(ref _decoded);
    }

    private Job Rent(RoomMember member)
    {
        if (!_freeJobs.TryDequeue(out var job))
        {
            job = new Job();
        }
        job.Member = member;
        return job;
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
