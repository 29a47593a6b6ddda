using Mcu.Media.Audio;

namespace Mcu.Media.Tests.Audio;

public class ActiveSpeakerDetectorTests
{
    private const int A = 1;
    private const int B = 2;
    private const int C = 3;
    private const double Silent = AudioLevel.SilenceDbov;
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(20);

    [Fact]
    public void The_first_speaker_takes_the_slot_after_the_switch_window()
    {
        var detector = Detector(A, B);

        List<Change> changes = Run(detector, TimeSpan.FromSeconds(3), (id, _) => id == A ? -25 : Silent);

        Change change = Assert.Single(changes);
        Assert.Equal(A, change.Speaker);
        Assert.InRange(change.Time, TimeSpan.FromMilliseconds(560), TimeSpan.FromMilliseconds(750));
    }

    [Fact]
    public void A_louder_participant_waits_for_the_minimum_hold_of_the_speaker()
    {
        var detector = Detector(A, B);
        List<Change> changes = Run(detector, TimeSpan.FromSeconds(5), (id, t) => id == A ? -25 : t >= TimeSpan.FromSeconds(1) ? -10 : Silent);

        Assert.Equal([A, B], changes.Select(c => c.Speaker));
        TimeSpan held = changes[1].Time - changes[0].Time;
        Assert.InRange(held, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2) + Tick);
    }

    [Fact]
    public void The_hold_is_configurable()
    {
        var detector = Detector(new ActiveSpeakerSettings { MinimumHold = TimeSpan.FromSeconds(4) }, A, B);
        List<Change> changes = Run(detector, TimeSpan.FromSeconds(6), (id, t) => id == A ? -25 : t >= TimeSpan.FromSeconds(1) ? -10 : Silent);

        Assert.Equal([A, B], changes.Select(c => c.Speaker));
        Assert.InRange(changes[1].Time - changes[0].Time, TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(4) + Tick);
    }

    [Fact]
    public void Loud_bursts_shorter_than_the_window_never_take_the_slot()
    {
        var detector = Detector(A, B);

        // B shouts for 200 ms of every second (a cough, a door) while A talks steadily.
        List<Change> changes = Run(detector, TimeSpan.FromSeconds(12), (id, t) =>
            id == A ? -25 : t.TotalMilliseconds % 1_000 < 200 ? -3 : Silent);

        Assert.Equal([A], changes.Select(c => c.Speaker));
    }

    [Fact]
    public void Silence_does_not_steal_the_slot_from_the_last_speaker()
    {
        var detector = Detector(A, B, C);

        List<Change> changes = Run(detector, TimeSpan.FromSeconds(15), (id, t) =>
            id == A && t < TimeSpan.FromSeconds(3) ? -25 : id == B ? -65 : Silent);

        Assert.Equal([A], changes.Select(c => c.Speaker));
        Assert.Equal(A, detector.Speaker);
    }

    [Fact]
    public void When_the_speaker_stops_another_who_talks_takes_over()
    {
        var detector = Detector(A, B);

        List<Change> changes = Run(detector, TimeSpan.FromSeconds(8), (id, t) =>
            id == A ? (t < TimeSpan.FromSeconds(3) ? -25 : Silent) : (t >= TimeSpan.FromSeconds(3) ? -25 : Silent));

        Assert.Equal([A, B], changes.Select(c => c.Speaker));
        Assert.InRange(changes[1].Time, TimeSpan.FromSeconds(3.6), TimeSpan.FromSeconds(4.2));
    }

    [Fact]
    public void Speakers_taking_turns_move_the_slot_at_most_once_per_minimum_hold()
    {
        var detector = Detector(A, B);

        List<Change> changes = Run(detector, TimeSpan.FromSeconds(20), (id, t) =>
            ((int)(t.TotalMilliseconds / 1_500) % 2 == 0) == (id == A) ? -20 : Silent);

        Assert.True(changes.Count >= 4, $"{changes.Count} changes");
        for (int i = 1; i < changes.Count; i++)
        {
            Assert.NotEqual(changes[i - 1].Speaker, changes[i].Speaker);
            Assert.True(changes[i].Time - changes[i - 1].Time >= TimeSpan.FromSeconds(2));
        }
    }

    [Fact]
    public void Two_participants_talking_at_similar_levels_do_not_flip_the_slot()
    {
        var detector = Detector(A, B);
        var random = new Random(5);

        List<Change> changes = Run(detector, TimeSpan.FromSeconds(30), (id, _) => -22 + (random.NextDouble() * 6) - 3);

        Assert.Single(changes);
    }

    [Fact]
    public void Removing_the_speaker_frees_the_slot()
    {
        var detector = Detector(A, B);
        TimeSpan now = Run(detector, TimeSpan.FromSeconds(2), (id, _) => id == A ? -20 : -30, out _);
        Assert.Equal(A, detector.Speaker);

        Assert.True(detector.Remove(A));
        Assert.Null(detector.Speaker);
        Run(detector, TimeSpan.FromSeconds(2), (id, _) => -30, out List<Change> changes, now);

        Assert.Equal([B], changes.Select(c => c.Speaker));
        Assert.False(detector.Remove(A));
    }

    [Fact]
    public void Unknown_and_duplicate_ids_are_handled()
    {
        var detector = Detector(A);

        Assert.False(detector.Report(C, -10));
        Assert.Throws<ArgumentException>(() => detector.Add(A));
        Assert.Equal(Silent, detector.SmoothedLevelDbov(C));
        Assert.Throws<ArgumentException>(() => new ActiveSpeakerDetector(new ActiveSpeakerSettings { SpeechThresholdDbov = 5 }));
    }

    [Fact]
    public void Levels_are_smoothed_so_a_pause_between_words_costs_a_few_dB()
    {
        var detector = Detector(A);
        Run(detector, TimeSpan.FromSeconds(1), (_, _) => -20);
        double speaking = detector.SmoothedLevelDbov(A);

        Run(detector, TimeSpan.FromMilliseconds(100), (_, _) => Silent, out _, TimeSpan.FromSeconds(1));

        Assert.InRange(speaking, -20.1, -19.9);
        Assert.InRange(detector.SmoothedLevelDbov(A), -23, -21);
    }

    private static ActiveSpeakerDetector Detector(params int[] ids) => Detector(new ActiveSpeakerSettings(), ids);

    private static ActiveSpeakerDetector Detector(ActiveSpeakerSettings settings, params int[] ids)
    {
        var detector = new ActiveSpeakerDetector(settings);
        foreach (int id in ids)
        {
            detector.Add(id);
        }

        return detector;
    }

    private static List<Change> Run(ActiveSpeakerDetector detector, TimeSpan duration, Func<int, TimeSpan, double> level)
    {
        Run(detector, duration, level, out List<Change> changes);
        return changes;
    }

    /// <summary>Reports every participant's level each 20 ms tick in virtual time; returns the end time.</summary>
    private static TimeSpan Run(ActiveSpeakerDetector detector, TimeSpan duration, Func<int, TimeSpan, double> level, out List<Change> changes, TimeSpan start = default)
    {
        changes = [];
        TimeSpan now = start;
        for (; now < start + duration; now += Tick)
        {
            foreach (int id in new[] { A, B, C })
            {
                detector.Report(id, level(id, now));
            }

            if (detector.Update(now))
            {
                changes.Add(new Change(now, detector.Speaker!.Value));
            }
        }

        return now;
    }

    private sealed record Change(TimeSpan Time, int Speaker);
}
