namespace Mcu.Recording.Tests;

public sealed class RecordingTimelineTests
{
    [Fact]
    public void The_first_keyframe_is_time_zero_for_both_tracks()
    {
        var timeline = new RecordingTimeline(TimeSpan.Zero);
        Assert.False(timeline.HasOrigin);
        timeline.Start(pts90k: 9_000); // 100 ms after the room started
        Assert.True(timeline.HasOrigin);
        Assert.Equal(0, timeline.VideoMilliseconds(9_000));
        Assert.Equal(0, timeline.AudioMilliseconds(4_800));
        Assert.Equal(-20, timeline.AudioMilliseconds(3_840));
        Assert.Equal(1_000, timeline.VideoMilliseconds(99_000));
    }

    [Fact]
    public void The_same_room_instant_gets_the_same_time_in_both_tracks_however_long_the_room_runs()
    {
        var timeline = new RecordingTimeline(TimeSpan.Zero);
        timeline.Start(3_000);
        for (long second = 1; second <= 36_000; second += 7)
        {
            // 20 ms audio frames and 90 kHz video line up on every 20 ms boundary.
            var pts = 3_000 + (second * 90_000) + 1_800;
            var sample = 1_600 + (second * 48_000) + 960;
            Assert.Equal(timeline.VideoMilliseconds(pts), timeline.AudioMilliseconds(sample));
        }
    }

    [Fact]
    public void Video_is_stamped_with_the_time_its_clock_tick_was_due_not_how_late_it_ran()
    {
        var period = TimeSpan.FromSeconds(1.0 / 15);
        var timeline = new RecordingTimeline(period);
        timeline.Start(0);
        for (var tick = 1; tick < 2_000; tick += 13)
        {
            var due = period * tick;
            foreach (var late in new[] { TimeSpan.Zero, TimeSpan.FromTicks(1), TimeSpan.FromMilliseconds(30), period - TimeSpan.FromMilliseconds(1) })
            {
                var pts = Pts(due + late);
                Assert.Equal((long)Math.Round(due.TotalMilliseconds, MidpointRounding.AwayFromZero), timeline.VideoMilliseconds(pts));
            }
        }
    }

    [Fact]
    public void A_tick_that_ran_almost_a_period_late_and_the_next_on_time_one_stay_a_period_apart()
    {
        // Seen in a loaded room at 15 fps: ticks ran at 1598 ms (late) and 1601 ms (on time).
        var period = TimeSpan.FromSeconds(1.0 / 15);
        var timeline = new RecordingTimeline(period);
        timeline.Start(0);
        var late = timeline.VideoMilliseconds(Pts(TimeSpan.FromMilliseconds(1598)));
        var onTime = timeline.VideoMilliseconds(Pts(TimeSpan.FromMilliseconds(1601)));
        Assert.Equal(1533, late);
        Assert.Equal(1600, onTime);
    }

    [Fact]
    public void Samples_convert_to_milliseconds()
    {
        Assert.Equal(20, RecordingTimeline.SamplesToMilliseconds(960));
        Assert.Equal(60, RecordingTimeline.SamplesToMilliseconds(2_880));
    }

    // As the room stamps a frame: the moment on the 90 kHz clock, rounded.
    private static long Pts(TimeSpan sinceStart) => (long)Math.Round(sinceStart.Ticks * 90_000.0 / TimeSpan.TicksPerSecond, MidpointRounding.AwayFromZero);
}
