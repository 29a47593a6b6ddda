using Mcu.Rtp.Streams;
using static Mcu.Rtp.Tests.Streams.StreamPackets;

namespace Mcu.Rtp.Tests.Streams;

public class KeyframeRequestDebouncerTests
{
    /// <summary>Runs an encoder ticking every 10 ms from <paramref name="from"/> to <paramref name="to"/>, delivering requests on the way.</summary>
    private static List<int> Run(KeyframeRequestDebouncer debouncer, int from, int to, Action<int>? requestsAt = null)
    {
        var keyframes = new List<int>();
        for (var ms = from; ms <= to; ms += 10)
        {
            requestsAt?.Invoke(ms);
            if (debouncer.TryTakeKeyframe(Ms(ms)))
            {
                keyframes.Add(ms);
            }
        }
        return keyframes;
    }

    [Fact]
    public void Ten_plis_in_100_ms_during_the_quiet_period_give_one_keyframe_when_it_ends()
    {
        var debouncer = new KeyframeRequestDebouncer();
        debouncer.Force();
        Assert.True(debouncer.TryTakeKeyframe(Ms(0)));

        var keyframes = Run(debouncer, 10, 2000, ms =>
        {
            if (ms is >= 100 and < 200)
            {
                debouncer.OnPictureLossIndication();
            }
        });

        Assert.Equal([500], keyframes);
        Assert.Equal(10, debouncer.RequestsReceived);
    }

    [Fact]
    public void From_idle_the_first_pli_is_served_at_once_and_the_rest_coalesce()
    {
        var debouncer = new KeyframeRequestDebouncer();

        var keyframes = Run(debouncer, 0, 2000, ms =>
        {
            if (ms < 100)
            {
                debouncer.OnPictureLossIndication();
            }
        });

        Assert.Equal([0, 500], keyframes);
        Assert.Equal(2, debouncer.KeyframesRequested);
    }

    [Fact]
    public void A_pli_200_ms_after_a_keyframe_is_served_at_500_ms()
    {
        var debouncer = new KeyframeRequestDebouncer();
        debouncer.OnKeyframeEncoded(Ms(0));

        var keyframes = Run(debouncer, 0, 1000, ms =>
        {
            if (ms == 200)
            {
                debouncer.OnPictureLossIndication();
            }
        });

        Assert.Equal([500], keyframes);
    }

    [Fact]
    public void A_repeated_fir_sequence_number_is_ignored()
    {
        var debouncer = new KeyframeRequestDebouncer();

        Assert.True(debouncer.OnFullIntraRequest(1, 2, 7));
        Assert.True(debouncer.TryTakeKeyframe(Ms(0)));
        Assert.False(debouncer.OnFullIntraRequest(1, 2, 7));
        Assert.False(debouncer.TryTakeKeyframe(Ms(600)));
        Assert.True(debouncer.OnFullIntraRequest(3, 2, 7));
        Assert.True(debouncer.OnFullIntraRequest(1, 2, 8));
        Assert.True(debouncer.TryTakeKeyframe(Ms(600)));

        Assert.Equal(1, debouncer.DuplicateFirsIgnored);
        debouncer.RemoveRequester(1, 2);
        Assert.True(debouncer.OnFullIntraRequest(1, 2, 8));
    }

    [Fact]
    public void Forcing_bypasses_the_quiet_period_and_serves_pending_requests()
    {
        var debouncer = new KeyframeRequestDebouncer();
        debouncer.OnKeyframeEncoded(Ms(0));
        debouncer.OnPictureLossIndication();
        debouncer.Force();

        Assert.Equal(TimeSpan.Zero, debouncer.NextDeadline);
        Assert.True(debouncer.TryTakeKeyframe(Ms(50)));
        Assert.False(debouncer.IsPending);
        Assert.Empty(Run(debouncer, 60, 1000));
    }

    [Fact]
    public void A_keyframe_the_encoder_made_on_its_own_serves_earlier_requests()
    {
        var debouncer = new KeyframeRequestDebouncer();
        debouncer.OnKeyframeEncoded(Ms(0));
        debouncer.OnPictureLossIndication();
        Assert.Equal(Ms(500), debouncer.NextDeadline);

        debouncer.OnKeyframeEncoded(Ms(300));

        Assert.Equal(TimeSpan.MaxValue, debouncer.NextDeadline);
        Assert.Empty(Run(debouncer, 300, 2000));
    }

    [Fact]
    public void The_interval_is_configurable()
    {
        var debouncer = new KeyframeRequestDebouncer(Ms(200));
        var keyframes = Run(debouncer, 0, 1000, _ => debouncer.OnPictureLossIndication());

        Assert.Equal([0, 200, 400, 600, 800, 1000], keyframes);
    }
}
