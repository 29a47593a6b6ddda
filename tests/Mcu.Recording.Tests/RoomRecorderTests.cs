using Mcu.Testing.Media;
using Mcu.Testing;
using Mcu.Recording.Tests.Support;
using Xunit.Abstractions;

namespace Mcu.Recording.Tests;

/// <summary>The recorder fed through its tap interface directly, as a room clock would, but faster than real time.</summary>
public sealed class RoomRecorderTests(ITestOutputHelper output) : IDisposable
{
    private const int Width = 64;
    private const int Height = 64;
    private static readonly Vp8TestFrames Frames = Vp8TestFrames.Encode(Width, Height);
    private readonly TestDirectory _directory = new();
    private readonly short[] _silence = new short[960];

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void The_recording_starts_at_the_first_keyframe_and_ignores_what_came_before()
    {
        var path = Path.Combine(_directory.Path, "start.webm");
        using (var recorder = new RoomRecorder(RecordingFiles.Open(path), Settings()))
        {
            recorder.OnAudioFrame(_silence, 0);
            recorder.OnVideoFrame(Frames.DarkDelta, false, 0);
            recorder.OnAudioFrame(_silence, 960);
            for (var k = 1; k <= 30; k++)
            {
                recorder.OnVideoFrame(k == 1 ? Frames.DarkKeyframe : Frames.DarkDelta, k == 1, k * 3000);
                recorder.OnAudioFrame(_silence, (k + 1) * 960); // a little behind the video, as audio ticks are
            }
            Assert.True(recorder.Complete(TimeSpan.FromSeconds(10)));
            Assert.Equal(0, recorder.FramesDropped);
            Assert.Null(recorder.Error);
        }

        Assert.Equal("", Ffmpeg.DecodeErrors(path));
        var packets = Ffmpeg.Packets(path);
        var firstVideo = packets.First(p => p.Stream == 0);
        Assert.True(firstVideo.Key);
        Assert.Equal(0, firstVideo.Pts);
        Assert.Equal(30, packets.Count(p => p.Stream == 0));
        // Audio from the keyframe's time on: the frame mixed at 40 ms is 6.7 ms before the keyframe at 33.3 ms... and dropped.
        Assert.All(packets.Where(p => p.Stream == 1), p => Assert.True(p.Pts >= -0.01, $"audio at {p.Pts}"));
    }

    [Fact]
    public void The_tap_path_allocates_nothing_per_frame_after_warm_up()
    {
        var settings = Settings() with { QueueCapacity = 32 };
        using var recorder = new RoomRecorder(new MemoryStream(), settings);
        long pts = 0, sample = 0;
        Feed(recorder, 200, ref pts, ref sample); // every slot sees both kinds of frame
        var before = GC.GetAllocatedBytesForCurrentThread();
        Feed(recorder, 500, ref pts, ref sample);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(0, allocated);
        Assert.True(recorder.Complete(TimeSpan.FromSeconds(10)));
        Assert.Equal(0, recorder.FramesDropped);
    }

    [Fact]
    public async Task A_stalled_disk_drops_and_counts_frames_without_blocking_the_caller_and_video_resumes_at_a_keyframe()
    {
        var path = Path.Combine(_directory.Path, "stall.webm");
        var disk = new FaultyStream(RecordingFiles.Open(path));
        var keyframesWanted = 0;
        using var recorder = new RoomRecorder(disk, Settings() with { QueueCapacity = 128 }, onKeyframeWanted: () => Interlocked.Increment(ref keyframesWanted));
        disk.Unstalled.Reset();

        long pts = 0, sample = 0;
        try
        {
            // 1.3 s of media: the writer closes the first cluster at 1 s and sticks in its write.
            recorder.OnVideoFrame(Frames.DarkKeyframe, true, pts);
            Feed(recorder, 40, ref pts, ref sample, throttle: false);
            Assert.True(disk.WriteBlocked.Wait(TimeSpan.FromSeconds(30)));
            Assert.Equal(0, recorder.FramesDropped);

            var feeding = Task.Run(() => Feed(recorder, 300, ref pts, ref sample, throttle: false)); // 10 s more against the stalled disk
            await feeding.WaitAsync(TimeSpan.FromSeconds(30)); // throws if the tap blocked on the stalled disk
            Assert.True(recorder.FramesDropped > 0);
            Assert.Equal(0, Volatile.Read(ref keyframesWanted)); // not before the writer can take frames again
        }
        finally
        {
            disk.Unstalled.Set(); // never leave the writer stuck, whatever failed
        }
        SpinWait.SpinUntil(() => Volatile.Read(ref keyframesWanted) > 0, TimeSpan.FromSeconds(30));
        Assert.Equal(1, Volatile.Read(ref keyframesWanted));
        var dropped = recorder.FramesDropped;
        pts += 3000;
        recorder.OnVideoFrame(Frames.DarkDelta, false, pts); // still waiting for a keyframe: not written
        Assert.Equal(dropped + 1, recorder.FramesDropped);
        pts += 3000;
        recorder.OnVideoFrame(Frames.DarkKeyframe, true, pts);
        Feed(recorder, 30, ref pts, ref sample);
        Assert.True(recorder.Complete(TimeSpan.FromSeconds(10)));
        Assert.Null(recorder.Error);

        // Nothing in the file refers to a frame that was dropped.
        Assert.Equal("", Ffmpeg.DecodeErrors(path));
        Assert.Equal(2, Ffmpeg.Packets(path).Count(p => p.Stream == 0 && p.Key));
    }

    [Fact]
    public void A_full_disk_fails_the_recording_once_with_the_error_and_the_tap_keeps_returning()
    {
        var path = Path.Combine(_directory.Path, "full.webm");
        var failures = new List<Exception>();
        using var failed = new ManualResetEventSlim();
        using var recorder = new RoomRecorder(new FaultyStream(RecordingFiles.Open(path), capacity: 6_000), Settings(), error =>
        {
            lock (failures)
            {
                failures.Add(error);
            }
            failed.Set();
        });

        long pts = 0, sample = 0;
        recorder.OnVideoFrame(Frames.DarkKeyframe, true, pts);
        Feed(recorder, 120, ref pts, ref sample);
        Assert.True(failed.Wait(TimeSpan.FromSeconds(30)));
        Feed(recorder, 30, ref pts, ref sample, throttle: false); // after the failure: returns, records nothing
        Assert.True(recorder.Complete(TimeSpan.FromSeconds(10)));

        var error = Assert.Single(failures);
        Assert.IsType<IOException>(error);
        Assert.Contains("No space left on device", error.Message, StringComparison.Ordinal);
        Assert.Same(error, recorder.Error);
        Assert.True(new FileInfo(path).Length <= 6_000);
    }

    [Fact]
    public void Hostile_frames_and_timestamps_never_throw_nor_fail_the_recording()
    {
        var random = new Random(20_240_601);
        using var output = new MemoryStream();
        using var recorder = new RoomRecorder(output, Settings() with { QueueCapacity = 64 });
        long pts = 0, sample = 0;
        for (var i = 0; i < 4_000; i++)
        {
            switch (random.Next(6))
            {
                case 0:
                    pts += random.Next(-200_000, 200_000); // jumps back and forth, below zero too
                    break;
                case 1:
                    sample += random.Next(-100_000, 100_000);
                    break;
                case 2:
                    var garbage = new byte[random.Next(0, 3_000)];
                    random.NextBytes(garbage);
                    recorder.OnVideoFrame(garbage, random.Next(4) == 0, pts += random.Next(0, 6_000));
                    break;
                case 3:
                    recorder.OnAudioFrame(new short[random.Next(3) == 0 ? random.Next(0, 2_000) : 960], sample += 960);
                    break;
                default:
                    recorder.OnAudioFrame(_silence, sample += 960);
                    break;
            }
            while (recorder.Backlog > 48)
            {
                Thread.Sleep(1);
            }
        }
        Assert.True(recorder.Complete(TimeSpan.FromSeconds(10)));
        Assert.Null(recorder.Error);
        var bytes = output.ToArray();
        var segment = EbmlWalker.Children(bytes, 0, bytes.Length)[1];
        Assert.NotEmpty(EbmlWalker.Children(bytes, segment.DataOffset, segment.End(bytes.Length)));
    }

    [Fact]
    public void Audio_and_video_markers_stay_within_40_ms_over_ten_minutes_of_room_time()
    {
        // A bright keyframe and an audio click at the same room time, every second, for ten
        // minutes; video ticks run up to 10 ms late, as a busy room clock's do.
        const int Minutes = 10;
        var path = Path.Combine(_directory.Path, "sync.webm");
        var random = new Random(7);
        var click = new short[960];
        for (var i = 0; i < 96; i++)
        {
            click[i] = (short)(16_000 * Math.Sin(2 * Math.PI * 4_000 * i / 48_000.0));
        }
        using (var recorder = new RoomRecorder(RecordingFiles.Open(path), Settings()))
        {
            long videoTick = 0, audioTick = 0;
            var end = Minutes * 60 * 90_000L;
            while (videoTick * 3000 < end)
            {
                var videoDue = (videoTick * 3000) + random.Next(0, 900);
                var audioDue = audioTick * 1800; // 20 ms in 90 kHz units
                if (audioDue <= videoDue)
                {
                    recorder.OnAudioFrame(audioTick % 50 == 0 ? click : _silence, audioTick * 960);
                    audioTick++;
                }
                else
                {
                    var slot = videoTick % 30;
                    recorder.OnVideoFrame(slot == 0 ? Frames.BrightKeyframe : slot == 1 ? Frames.DarkKeyframe : Frames.DarkDelta, slot < 2, videoDue);
                    videoTick++;
                }
                while (recorder.Backlog > 200)
                {
                    Thread.Sleep(1);
                }
            }
            Assert.True(recorder.Complete(TimeSpan.FromSeconds(30)));
            Assert.Equal(0, recorder.FramesDropped);
        }

        var videoMarkers = new List<double>();
        foreach (var (pts, luma) in Ffmpeg.VideoLuma(path))
        {
            if (luma > 128)
            {
                videoMarkers.Add(pts);
            }
        }
        var audioStart = Ffmpeg.FirstAudioFrameSeconds(path);
        var pcm = Ffmpeg.DecodeAudio(path);
        var audioMarkers = new List<double>();
        var quietSince = 0;
        for (var i = 0; i < pcm.Length; i++)
        {
            if (Math.Abs((int)pcm[i]) > 4_000)
            {
                if (quietSince >= 24_000)
                {
                    audioMarkers.Add(audioStart + (i / 48_000.0));
                }
                quietSince = 0;
            }
            else
            {
                quietSince++;
            }
        }

        Assert.Equal(Minutes * 60, videoMarkers.Count);
        Assert.Equal(Minutes * 60 - 1, audioMarkers.Count); // the first click is at time zero, with no quiet before it
        var worst = 0.0;
        for (var i = 1; i < videoMarkers.Count; i++)
        {
            var offset = audioMarkers[i - 1] - videoMarkers[i];
            worst = Math.Max(worst, Math.Abs(offset));
            Assert.True(Math.Abs(offset) < 0.040, $"marker {i}: audio {audioMarkers[i - 1]:0.000} s, video {videoMarkers[i]:0.000} s");
        }
        Assert.InRange(videoMarkers[^1], (Minutes * 60) - 1.05, (Minutes * 60) - 0.95);
        output.WriteLine($"worst audio-video marker offset over {Minutes} minutes: {worst * 1000:0.0} ms; at the end: {(audioMarkers[^1] - videoMarkers[^1]) * 1000:0.0} ms");
    }

    private static RoomRecorderSettings Settings() => new() { Width = Width, Height = Height, FrameRate = 30, Title = "test" };

    // Ten 30 fps video frames and their audio per third of a second, as a room clock hands them out.
    private void Feed(RoomRecorder recorder, int videoFrames, ref long pts, ref long sample, bool throttle = true)
    {
        for (var i = 0; i < videoFrames; i++)
        {
            pts += 3000;
            recorder.OnVideoFrame(Frames.DarkDelta, false, pts);
            while (sample * 90_000 / 48_000 < pts)
            {
                recorder.OnAudioFrame(_silence, sample);
                sample += 960;
            }
            while (throttle && recorder.Backlog > 8 && recorder.Error is null) // a failed writer drains nothing more
            {
                Thread.Sleep(1);
            }
        }
    }
}
