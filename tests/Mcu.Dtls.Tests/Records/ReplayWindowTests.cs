using Mcu.Dtls.Records;

namespace Mcu.Dtls.Tests.Records;

public sealed class ReplayWindowTests
{
    [Fact]
    public void Accepts_each_number_once_in_any_order_within_the_window()
    {
        var window = default(ReplayWindow);
        foreach (ulong sequence in new ulong[] { 5, 3, 9, 4, 70 })
        {
            Assert.False(window.IsReplay(sequence));
            window.Accept(sequence);
            Assert.True(window.IsReplay(sequence));
        }

        Assert.False(window.IsReplay(8));
        Assert.False(window.IsReplay(71));
    }

    [Fact]
    public void Treats_numbers_left_of_the_64_wide_window_as_replays()
    {
        var window = default(ReplayWindow);
        window.Accept(100);

        Assert.False(window.IsReplay(37));
        Assert.True(window.IsReplay(36));
        Assert.True(window.IsReplay(0));
    }

    [Fact]
    public void A_large_jump_forgets_the_old_window()
    {
        var window = default(ReplayWindow);
        window.Accept(1);
        window.Accept(1000);

        Assert.True(window.IsReplay(1000));
        Assert.False(window.IsReplay(999));
        Assert.True(window.IsReplay(1));
    }
}
