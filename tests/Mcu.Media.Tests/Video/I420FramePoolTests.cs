using Mcu.Media.Video;

namespace Mcu.Media.Tests;

public class I420FramePoolTests
{
    [Fact]
    public void Disposed_frame_is_handed_out_again_for_the_same_resolution_only()
    {
        using var pool = new I420FramePool();
        I420Frame first = pool.Rent(640, 360);
        first.Y[0] = 42;
        first.Dispose();

        using I420Frame other = pool.Rent(320, 180);
        using I420Frame again = pool.Rent(640, 360);

        Assert.NotSame(first, other);
        Assert.Same(first, again);
        Assert.Equal(42, again.Y[0]);
    }

    [Fact]
    public void Returned_frame_is_unusable_until_rented_again_and_a_second_dispose_does_not_return_it_twice()
    {
        using var pool = new I420FramePool();
        I420Frame frame = pool.Rent(64, 64);
        frame.Dispose();
        frame.Dispose();

        Assert.Throws<ObjectDisposedException>(() => frame.Y.Length);
        Assert.Equal(1, pool.IdleCount(64, 64));
        using I420Frame a = pool.Rent(64, 64);
        using I420Frame b = pool.Rent(64, 64);
        Assert.NotSame(a, b);
        Assert.Equal(64 * 64, a.Y.Length / a.StrideY * 64);
    }

    [Fact]
    public void Keeps_at_most_the_configured_number_of_idle_frames_per_resolution()
    {
        using var pool = new I420FramePool(maxIdlePerSize: 2);
        I420Frame[] frames = [pool.Rent(64, 64), pool.Rent(64, 64), pool.Rent(64, 64)];
        foreach (I420Frame frame in frames)
        {
            frame.Dispose();
        }

        Assert.Equal(2, pool.IdleCount(64, 64));
        Assert.Equal(0, pool.IdleCount(32, 32));
    }

    [Fact]
    public void Disposed_pool_frees_idle_frames_refuses_rentals_and_frees_late_returns()
    {
        var pool = new I420FramePool();
        I420Frame idle = pool.Rent(64, 64);
        I420Frame rented = pool.Rent(64, 64);
        idle.Dispose();

        pool.Dispose();
        pool.Dispose();
        rented.Dispose();

        Assert.Equal(0, pool.IdleCount(64, 64));
        Assert.Throws<ObjectDisposedException>(() => pool.Rent(64, 64));
        Assert.Throws<ObjectDisposedException>(() => rented.Y.Length);
    }

    [Fact]
    public void Bad_sizes_are_refused()
    {
        using var pool = new I420FramePool();

        Assert.Throws<ArgumentException>(() => pool.Rent(63, 64));
        Assert.Throws<ArgumentOutOfRangeException>(() => new I420FramePool(0));
    }

    [Fact]
    public void Renting_and_returning_in_steady_state_allocates_nothing()
    {
        using var pool = new I420FramePool();
        for (int i = 0; i < 10; i++)
        {
            pool.Rent(320, 180).Dispose();
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 100; i++)
        {
            using I420Frame frame = pool.Rent(320, 180);
            frame.Y[0] = (byte)i;
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public async Task Frames_rented_on_one_thread_can_be_returned_on_another()
    {
        using var pool = new I420FramePool(maxIdlePerSize: 4);
        using var handOff = new System.Collections.Concurrent.BlockingCollection<I420Frame>(boundedCapacity: 2);
        var consumer = Task.Run(() =>
        {
            foreach (I420Frame frame in handOff.GetConsumingEnumerable())
            {
                Assert.Equal(frame.Y[0], frame.U[0]);
                frame.Dispose();
            }
        });

        for (int i = 0; i < 500; i++)
        {
            I420Frame frame = pool.Rent(64, 64);
            frame.Y[0] = frame.U[0] = (byte)i;
            handOff.Add(frame);
        }

        handOff.CompleteAdding();
        await consumer.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.InRange(pool.IdleCount(64, 64), 1, 4);
    }
}
