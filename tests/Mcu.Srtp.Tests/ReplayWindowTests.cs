namespace Mcu.Srtp.Tests;

public class ReplayWindowTests
{
    [Fact]
    public void The_first_index_is_a_replay_of_itself_and_newer_indices_pass()
    {
        var window = new ReplayWindow(64, 1000);

        Assert.Equal(SrtpResult.ReplayDetected, window.Check(1000));
        Assert.Equal(SrtpResult.Ok, window.Check(1001));
        Assert.Equal(SrtpResult.Ok, window.Check(999));
        Assert.Equal(1000UL, window.Highest);
    }

    [Fact]
    public void Check_does_not_move_the_window_accept_does()
    {
        var window = new ReplayWindow(64, 10);

        Assert.Equal(SrtpResult.Ok, window.Check(11));
        Assert.Equal(SrtpResult.Ok, window.Check(11));
        window.Accept(11);

        Assert.Equal(SrtpResult.ReplayDetected, window.Check(11));
        Assert.Equal(11UL, window.Highest);
    }

    [Theory]
    [InlineData(64)]
    [InlineData(128)]
    [InlineData(1024)]
    public void An_index_exactly_window_size_behind_is_too_old_one_less_is_accepted(int size)
    {
        var window = new ReplayWindow(size, 5000);

        Assert.Equal(SrtpResult.Ok, window.Check(5000 - (ulong)size + 1));
        Assert.Equal(SrtpResult.TooOld, window.Check(5000 - (ulong)size));
    }

    [Fact]
    public void Out_of_order_indices_inside_the_window_are_accepted_once()
    {
        var window = new ReplayWindow(64, 100);
        window.Accept(110);

        foreach (var index in new ulong[] { 105, 101, 109, 102 })
        {
            Assert.Equal(SrtpResult.Ok, window.Check(index));
            window.Accept(index);
            Assert.Equal(SrtpResult.ReplayDetected, window.Check(index));
        }
        Assert.Equal(SrtpResult.Ok, window.Check(103));
        Assert.Equal(110UL, window.Highest);
    }

    [Fact]
    public void Slots_reused_after_the_window_advances_do_not_report_stale_replays()
    {
        // Every index 0..63 is seen; moving to 64..127 reuses the same slots.
        var window = new ReplayWindow(64, 0);
        for (ulong i = 1; i < 64; i++)
        {
            window.Accept(i);
        }
        window.Accept(100);

        for (ulong i = 64; i < 100; i++)
        {
            Assert.Equal(SrtpResult.Ok, window.Check(i));
        }
        for (ulong i = 37; i < 64; i++)
        {
            Assert.Equal(SrtpResult.ReplayDetected, window.Check(i));
        }
        Assert.Equal(SrtpResult.TooOld, window.Check(36));
    }

    [Fact]
    public void A_jump_beyond_the_window_forgets_everything_before_it()
    {
        var window = new ReplayWindow(128, 0);
        for (ulong i = 1; i < 128; i++)
        {
            window.Accept(i);
        }
        window.Accept(1_000_000);

        for (ulong i = 1_000_000 - 127; i < 1_000_000; i++)
        {
            Assert.Equal(SrtpResult.Ok, window.Check(i));
        }
        Assert.Equal(SrtpResult.ReplayDetected, window.Check(1_000_000));
    }

    [Fact]
    public void Random_walk_agrees_with_a_set_of_seen_indices()
    {
        const int size = 256;
        var random = new Random(7);
        var window = new ReplayWindow(size, 500);
        var seen = new HashSet<ulong> { 500 };
        var highest = 500UL;
        for (var step = 0; step < 5000; step++)
        {
            var index = (ulong)Math.Max(0, (long)highest + random.Next(-300, 40));
            var expected = index > highest ? SrtpResult.Ok
                : highest - index >= size ? SrtpResult.TooOld
                : seen.Contains(index) ? SrtpResult.ReplayDetected
                : SrtpResult.Ok;

            Assert.Equal(expected, window.Check(index));
            if (expected == SrtpResult.Ok)
            {
                window.Accept(index);
                seen.Add(index);
                highest = Math.Max(highest, index);
            }
        }
    }
}
