using Mcu.Benchmarks.Report;
using Mcu.Compositor.Layouts;
using Mcu.Conference;

namespace Mcu.Benchmarks.Room;

/// <summary>
/// Our room doing the reference's work through its real code path, without the network: a
/// <see cref="Conference.Room"/> with default options and the repository's layouts, one
/// in-process publisher per input (its frames go to the room's decoder exactly as the network
/// loop hands them over), and a media tap, which makes the room compose and encode as it
/// does for viewers. Each composite frame costs N decodes, one compose and one encode.
/// </summary>
/// <remarks>
/// <para>
/// Paced: the room's own clock ticks at its frame rate; after each composite the tap hands every
/// publisher its next frame. Measured: the CPU time of the room's own threads (its decoder
/// thread and its clock threads, found by name) between composite frames <c>warmup</c> and
/// <c>warmup + frames</c>, read from the kernel's per-thread CPU clocks.
/// </para>
/// <para>
/// Back to back, single-threaded like the references: the room has no threads of its own (its
/// clock stopped, its decoder without a thread), and this thread hands the publishers their next
/// frames, decodes them through the room's decoder and runs the room's video tick, one frame
/// period of room time later each time. Measured: this thread's CPU time while it decodes and
/// while it ticks.
/// </para>
/// In both, also the whole process's CPU time over the same window.
/// </remarks>
internal static class RoomPipeline
{
    public static RoomResult Run(LayoutCatalog layouts, IReadOnlyList<RoomInput> inputs, int warmup, int frames, bool paced) =>
        paced ? RunPaced(layouts, inputs, warmup, frames) : RunBackToBack(layouts, inputs, warmup, frames);

    private static RoomResult RunPaced(LayoutCatalog layouts, IReadOnlyList<RoomInput> inputs, int warmup, int frames)
    {
        using var stages = new StageTimes();
        using var room = new Conference.Room("bench", new RoomOptions(), NoNetworkEndpoint.Instance, layouts);
        RoomMember[] members = AddPublishers(room, inputs);

        // One decoder thread and the clock's audio and video threads.
        using var tap = new FeedingTap(room, members, inputs, stages, CpuClock.WaitForThreadsNamed("mcu-room-decode", 1),
            CpuClock.WaitForThreadsNamed("mcu-room-clock", 2), warmup, frames);
        room.AddTap(tap);
        TimeSpan patience = TimeSpan.FromSeconds(30 + ((warmup + frames) * 3.0 / room.Options.FrameRate));
        bool done = tap.Done.Wait(patience);
        room.RemoveTap(tap);
        if (!done)
        {
            throw new TimeoutException($"The room produced only {tap.Count} composite frames in {patience.TotalSeconds:0} s.");
        }

        return tap.Result(room.Statistics);
    }

    private static RoomResult RunBackToBack(LayoutCatalog layouts, IReadOnlyList<RoomInput> inputs, int warmup, int frames)
    {
        using var stages = new StageTimes();
        using var room = new Conference.Room("bench", new RoomOptions(), NoNetworkEndpoint.Instance, layouts, logger: null, ownThreads: false);
        RoomMember[] members = AddPublishers(room, inputs);
        using var tap = new FeedingTap(room, members, inputs, stages, [], [], warmup, frames, feeds: false);
        room.AddTap(tap);
        TimeSpan decoding = TimeSpan.Zero;
        TimeSpan ticking = TimeSpan.Zero;
        bool started = false;
        // Ticks until the window has its composite frames (the encoder may drop one, as in a live room).
        for (int k = 0; tap.Count < warmup + frames; k++)
        {
            if (k >= 2 * (warmup + frames))
            {
                throw new InvalidOperationException($"{k} video ticks made only {tap.Count} composite frames.");
            }

            if (!started && tap.Count == warmup)
            {
                tap.MarkStart(decoding, ticking);
                started = true;
            }

            TimeSpan before = CpuClock.CurrentThread;
            long decoded = room.Decoder.FramesDecoded + members.Length;
            for (int i = 0; i < members.Length; i++)
            {
                IReadOnlyList<byte[]> video = inputs[i].Video.Frames;
                room.Decoder.Enqueue(members[i], video[k % video.Count]);
            }

            room.Decoder.DecodeQueued();
            TimeSpan between = CpuClock.CurrentThread;
            decoding += between - before;
            if (room.Decoder.FramesDecoded != decoded)
            {
                throw new InvalidOperationException($"Frame {k} of {members.Length} inputs did not decode " +
                    $"({room.Decoder.FramesFailed} failed, {room.Decoder.FramesDropped} dropped).");
            }

            room.TickVideo(k);
            ticking += CpuClock.CurrentThread - between;
        }

        tap.MarkEnd(decoding, ticking);
        room.RemoveTap(tap);
        return tap.Result(room.Statistics);
    }

    private static RoomMember[] AddPublishers(Conference.Room room, IReadOnlyList<RoomInput> inputs)
    {
        var members = new RoomMember[inputs.Count];
        for (int i = 0; i < inputs.Count; i++)
        {
            members[i] = room.AddLocalPublisher(inputs[i].Name);
        }

        return members;
    }

    /// <summary>
    /// Counts composite frames and their bytes. Paced, it also snapshots the clocks at the window's edges and feeds
    /// the next frames; back to back, the driver does both.
    /// </summary>
    private sealed class FeedingTap(Conference.Room room, RoomMember[] members, IReadOnlyList<RoomInput> inputs, StageTimes stages,
        int[] decoderThreads, int[] clockThreads, int warmup, int frames, bool feeds = true) : IRoomMediaTap, IDisposable
    {
        private Snapshot _first;
        private Snapshot _last;
        private long _bytes;

        public ManualResetEventSlim Done { get; } = new();

        public int Count { get; private set; }

        /// <summary>Back to back: the window starts, with the driver thread's decoding and ticking so far.</summary>
        public void MarkStart(TimeSpan decoding, TimeSpan ticking) => _first = Take(ticking, decoding);

        /// <summary>Back to back: the window ends.</summary>
        public void MarkEnd(TimeSpan decoding, TimeSpan ticking) => _last = Take(ticking, decoding);

        public void OnVideoFrame(ReadOnlySpan<byte> vp8Frame, bool isKeyframe, long pts90k)
        {
            int count = ++Count;
            if (count > warmup && count <= warmup + frames)
            {
                _bytes += vp8Frame.Length;
            }

            if (!feeds)
            {
                return;
            }

            if (count == warmup)
            {
                _first = Take(CpuClock.Threads(clockThreads));
            }
            else if (count == warmup + frames)
            {
                _last = Take(CpuClock.Threads(clockThreads));
                Done.Set();
            }

            for (int i = 0; i < members.Length; i++)
            {
                IReadOnlyList<byte[]> video = inputs[i].Video.Frames;
                room.Decoder.Enqueue(members[i], video[(count - 1) % video.Count]);
            }
        }

        public void OnAudioFrame(ReadOnlySpan<short> pcm, long sampleIndex)
        {
        }

        public void Dispose() => Done.Dispose();

        public RoomResult Result(RoomStatistics statistics)
        {
            double PerFrame(TimeSpan a, TimeSpan b) => (b - a).TotalMilliseconds / frames;
            return new RoomResult(
                PerFrame(_first.Decoder + _first.Clock, _last.Decoder + _last.Clock),
                PerFrame(_first.Decoder, _last.Decoder),
                PerFrame(_first.Clock, _last.Clock),
                PerFrame(_first.Process, _last.Process),
                (_last.ComposeMs - _first.ComposeMs) / Math.Max(1, _last.Composed - _first.Composed),
                (_last.EncodeMs - _first.EncodeMs) / Math.Max(1, _last.Encoded - _first.Encoded),
                (double)_bytes / frames,
                (double)(_last.Decoded - _first.Decoded) / frames,
                _last.Gen0 - _first.Gen0,
                _last.Gen1 - _first.Gen1,
                _last.Gen2 - _first.Gen2,
                statistics.VideoTicksMissed);
        }

        private Snapshot Take(TimeSpan clock, TimeSpan? decoding = null)
        {
            (double composeMs, long composed, double encodeMs, long encoded) = stages.Read();
            return new Snapshot(decoding ?? CpuClock.Threads(decoderThreads), clock, CpuClock.Process, composeMs, composed, encodeMs, encoded,
                room.Decoder.FramesDecoded, GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
        }

        private readonly record struct Snapshot(TimeSpan Decoder, TimeSpan Clock, TimeSpan Process, double ComposeMs, long Composed, double EncodeMs, long Encoded,
            long Decoded, int Gen0, int Gen1, int Gen2);
    }
}

/// <summary>
/// Our room per composite frame: CPU of its threads (all, the decoder's, the clock's) and of the whole process, the compose and
/// encode stages (wall time on the clock thread), the output size, decodes per frame, and the
/// garbage collections during the window.
/// </summary>
internal sealed record RoomResult(double RoomThreadsMs, double DecoderThreadMs, double ClockThreadsMs, double ProcessMs, double ComposeMs, double EncodeMs, double BytesPerFrame,
    double DecodesPerFrame, int Gen0, int Gen1, int Gen2, long VideoTicksMissed);
