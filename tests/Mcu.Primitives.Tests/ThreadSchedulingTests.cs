using Mcu.Testing;

namespace Mcu.Primitives.Tests;

public class ThreadSchedulingTests
{
    [Fact]
    public void A_thread_can_lower_its_own_priority_and_it_shows_in_procfs()
    {
        var nice = int.MinValue;
        var thread = new Thread(() =>
        {
            Assert.True(ThreadScheduling.TrySetCurrentThreadNice(5));
            nice = ThreadNice.Current();
        });
        thread.Start();
        thread.Join();
        Assert.Equal(5, nice);
    }

    [Fact]
    public void Raising_a_priority_is_allowed_to_root()
    {
        // Root may raise priorities (CI and the Docker image run as root); an ordinary user may not.
        Assert.Equal(Environment.IsPrivilegedProcess, ThreadScheduling.CanSetNice(-10));
        Assert.True(ThreadScheduling.CanSetNice(5));
    }

    [Fact]
    public void Values_outside_the_nice_range_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ThreadScheduling.TrySetCurrentThreadNice(-21));
        Assert.Throws<ArgumentOutOfRangeException>(() => ThreadScheduling.TrySetCurrentThreadNice(20));
    }
}
