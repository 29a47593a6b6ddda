using Mcu.Rtp.Streams;
using static Mcu.Rtp.Tests.Streams.StreamPackets;

namespace Mcu.Rtp.Tests.Streams;

public class RembGeneratorTests
{
    private sealed class Link
    {
        public long Expected { get; private set; }

        public long Received { get; private set; }

        /// <summary>One second of 100 packets with the given loss.</summary>
        public void Second(int lost)
        {
            Expected += 100;
            Received += 100 - lost;
        }
    }

    private static (RembGenerator Generator, Link Link) Start()
    {
        var generator = new RembGenerator(new RembOptions { TargetBitrate = 1_000_000, MinBitrate = 300_000 });
        var link = new Link();
        generator.Update(TimeSpan.Zero, 0, 0);
        return (generator, link);
    }

    [Fact]
    public void A_clean_link_gets_the_configured_target()
    {
        var (generator, link) = Start();
        for (var s = 1; s <= 5; s++)
        {
            link.Second(lost: 1);
            Assert.False(generator.Update(TimeSpan.FromSeconds(s), link.Expected, link.Received));
        }

        Assert.Equal(1_000_000UL, generator.Bitrate);
        Assert.Equal(0.01, generator.LastLoss, 6);
    }

    [Fact]
    public void Sustained_loss_above_10_percent_cuts_by_15_percent_down_to_the_minimum()
    {
        var (generator, link) = Start();
        var estimates = new List<ulong>();
        for (var s = 1; s <= 9; s++)
        {
            link.Second(lost: 20);
            Assert.True(generator.Update(TimeSpan.FromSeconds(s), link.Expected, link.Received) || generator.Bitrate == 300_000);
            estimates.Add(generator.Bitrate);
        }

        Assert.Equal([850_000UL, 722_500, 614_125, 522_006, 443_705, 377_149, 320_576, 300_000, 300_000], estimates);
        Assert.Equal(8, generator.Decreases);
    }

    [Fact]
    public void Moderate_loss_holds_and_a_clean_link_recovers_slowly_to_the_target()
    {
        var (generator, link) = Start();
        link.Second(lost: 30);
        generator.Update(TimeSpan.FromSeconds(1), link.Expected, link.Received);
        Assert.Equal(850_000UL, generator.Bitrate);

        link.Second(lost: 5);
        Assert.False(generator.Update(TimeSpan.FromSeconds(2), link.Expected, link.Received));
        Assert.Equal(850_000UL, generator.Bitrate);

        var seconds = 2;
        while (generator.Bitrate < 1_000_000)
        {
            link.Second(lost: 0);
            Assert.True(generator.Update(TimeSpan.FromSeconds(++seconds), link.Expected, link.Received));
        }
        // 850k * 1.05^4 > 1M: four clean seconds, the last capped at the target.
        Assert.Equal(6, seconds);
        Assert.Equal(1_000_000UL, generator.Bitrate);
    }

    [Fact]
    public void Short_bursts_of_loss_do_not_count()
    {
        var (generator, link) = Start();
        // Heavy loss, but reported after only half a second...
        link.Second(lost: 50);
        Assert.False(generator.Update(Ms(500), link.Expected, link.Received));
        // ...and then diluted by a clean half second: 50 lost of 200 is 25 %, judged over the full window.
        link.Second(lost: 0);
        Assert.True(generator.Update(Ms(1000), link.Expected, link.Received));
        Assert.Equal(850_000UL, generator.Bitrate);
        Assert.Equal(0.25, generator.LastLoss, 6);
    }

    [Fact]
    public void A_sparse_stream_is_judged_only_once_enough_packets_were_expected()
    {
        var generator = new RembGenerator(new RembOptions { TargetBitrate = 1_000_000 });
        generator.Update(TimeSpan.Zero, 0, 0);

        Assert.False(generator.Update(TimeSpan.FromSeconds(2), 10, 5));
        Assert.True(generator.Update(TimeSpan.FromSeconds(3), 20, 15));
        Assert.Equal(850_000UL, generator.Bitrate);
    }

    [Fact]
    public void Counters_that_go_back_start_a_new_window()
    {
        var (generator, link) = Start();
        link.Second(lost: 0);
        generator.Update(TimeSpan.FromSeconds(1), link.Expected, link.Received);

        Assert.False(generator.Update(TimeSpan.FromSeconds(2), 10, 0));
        Assert.True(generator.Update(TimeSpan.FromSeconds(3), 110, 50));
        Assert.Equal(850_000UL, generator.Bitrate);
    }

    [Fact]
    public void Inconsistent_options_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new RembGenerator(new RembOptions { MinBitrate = 2_000_000 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new RembGenerator(new RembOptions { DecreaseFactor = 1.5 }));
    }
}
