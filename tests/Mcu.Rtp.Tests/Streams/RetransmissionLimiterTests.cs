using Mcu.Rtp.Streams;
using static Mcu.Rtp.Tests.Streams.StreamPackets;

namespace Mcu.Rtp.Tests.Streams;

public class RetransmissionLimiterTests
{
    [Fact]
    public void Until_the_rtt_is_known_a_sequence_number_is_resent_once_per_100_ms()
    {
        var limiter = new RetransmissionLimiter(1_000_000, TimeSpan.FromSeconds(1));

        Assert.Equal(RetransmissionResult.Sent, limiter.TryAcquire(Ms(0), 7, 1000));
        Assert.Equal(RetransmissionResult.TooSoon, limiter.TryAcquire(Ms(99), 7, 1000));
        Assert.Equal(RetransmissionResult.Sent, limiter.TryAcquire(Ms(99), 8, 1000));
        Assert.Equal(RetransmissionResult.Sent, limiter.TryAcquire(Ms(100), 7, 1000));
        Assert.Equal(3, limiter.PacketsServed);
        Assert.Equal(3000, limiter.BytesServed);
    }

    [Fact]
    public void The_budget_refills_at_the_cap_and_never_beyond_the_burst()
    {
        // 80 kbit/s = 10000 bytes/s; the burst floor is one full-size packet of 1500 bytes.
        var limiter = new RetransmissionLimiter(80_000, TimeSpan.FromMilliseconds(10));

        Assert.Equal(RetransmissionResult.Sent, limiter.TryAcquire(Ms(0), 1, 1500));
        Assert.Equal(RetransmissionResult.RateLimited, limiter.TryAcquire(Ms(0), 2, 1));
        Assert.Equal(RetransmissionResult.RateLimited, limiter.TryAcquire(Ms(149), 2, 1500));
        Assert.Equal(RetransmissionResult.Sent, limiter.TryAcquire(Ms(150), 2, 1500));

        // A long idle spell still allows only one burst.
        Assert.Equal(RetransmissionResult.Sent, limiter.TryAcquire(Ms(10_000), 3, 1500));
        Assert.Equal(RetransmissionResult.RateLimited, limiter.TryAcquire(Ms(10_000), 4, 1500));
        Assert.Equal(3, limiter.PacketsRateLimited);
    }

    [Fact]
    public void Invalid_settings_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new RetransmissionLimiter(0, TimeSpan.FromSeconds(1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new RetransmissionLimiter(1000, TimeSpan.Zero));
    }
}
