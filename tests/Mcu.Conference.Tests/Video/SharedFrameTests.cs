using Mcu.Conference.Video;
using Mcu.Media.Video;

namespace Mcu.Conference.Tests.Video;

public class SharedFrameTests
{
    [Fact]
    public void The_last_release_returns_the_picture_and_later_use_is_refused()
    {
        var pool = new SharedFramePool();
        var picture = I420Frame.Allocate(64, 32);
        var frame = pool.Share(picture);
        frame.AddRef();
        frame.Release();
        Assert.Equal(64, frame.Picture.Width);
        frame.Release();
        Assert.Throws<ObjectDisposedException>(() => frame.Picture);
        Assert.Throws<ObjectDisposedException>(() => picture.Y.Length); // disposed by the last release
    }

    [Fact]
    public void A_slot_keeps_the_newest_picture_and_a_borrower_keeps_its_own_until_released()
    {
        var pool = new SharedFramePool();
        var slot = new LatestFrameSlot();
        var first = pool.Share(I420Frame.Allocate(16, 16));
        slot.Publish(first);
        var borrowed = slot.Acquire(out var v1);
        Assert.Same(first, borrowed);

        slot.Publish(pool.Share(I420Frame.Allocate(16, 16))); // the slot lets go of the first; the borrower still holds it
        Assert.Equal(16, borrowed!.Picture.Width);
        borrowed.Release();
        Assert.Throws<ObjectDisposedException>(() => first.Picture);

        var current = slot.Acquire(out var v2);
        Assert.True(v2 > v1);
        Assert.NotNull(current);
        current.Release();
        slot.Clear();
        Assert.Null(slot.Acquire(out _));
    }

    [Fact]
    public void Steady_state_renting_and_releasing_allocates_nothing()
    {
        var pool = new SharedFramePool();
        using var frames = new I420FramePool();
        var slot = new LatestFrameSlot();
        for (var i = 0; i < 20; i++)
        {
            slot.Publish(pool.Share(frames.Rent(320, 240)));
            slot.Acquire(out _)!.Release();
        }
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            slot.Publish(pool.Share(frames.Rent(320, 240)));
            slot.Acquire(out _)!.Release();
        }
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
