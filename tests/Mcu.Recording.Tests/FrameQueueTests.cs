namespace Mcu.Recording.Tests;

public sealed class FrameQueueTests
{
    [Fact]
    public void Frames_come_out_in_order_as_copies_of_what_went_in()
    {
        var queue = new FrameQueue(4, 8);
        var data = new byte[] { 1, 2, 3 };
        Assert.True(queue.TryEnqueue(MediaKind.Video, true, 90, data));
        data[0] = 99;
        Assert.True(queue.TryEnqueue(MediaKind.Audio, false, 960, new byte[20])); // grows its slot
        Assert.Equal(2, queue.Count);

        Assert.True(queue.TryPeek(out var first));
        Assert.Equal((MediaKind.Video, true, 90L), (first.Kind, first.IsKeyframe, first.Timestamp));
        Assert.Equal(new byte[] { 1, 2, 3 }, first.Data.ToArray());
        queue.Advance();
        Assert.True(queue.TryPeek(out var second));
        Assert.Equal((MediaKind.Audio, 960L, 20), (second.Kind, second.Timestamp, second.Length));
        queue.Advance();
        Assert.False(queue.TryPeek(out _));
    }

    [Fact]
    public void A_full_queue_refuses_frames_until_the_consumer_catches_up()
    {
        var queue = new FrameQueue(3, 8);
        for (var i = 0; i < 3; i++)
        {
            Assert.True(queue.TryEnqueue(MediaKind.Audio, false, i, new byte[4]));
        }
        Assert.False(queue.TryEnqueue(MediaKind.Audio, false, 3, new byte[4]));
        Assert.True(queue.TryPeek(out _));
        queue.Advance();
        Assert.True(queue.TryEnqueue(MediaKind.Audio, false, 4, new byte[4]));
        Assert.Equal(3, queue.Count);
    }

    [Fact]
    public void Once_its_slots_have_grown_the_queue_copies_without_allocating()
    {
        var queue = new FrameQueue(8, 16);
        var frame = new byte[1000];
        for (var round = 0; round < 2; round++)
        {
            Cycle(queue, frame, 16);
        }
        var before = GC.GetAllocatedBytesForCurrentThread();
        Cycle(queue, frame, 1000);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public async Task The_consumer_waits_for_a_frame_or_a_wake()
    {
        var queue = new FrameQueue(4, 8);
        var consumer = Task.Run(() =>
        {
            queue.Wait();
            return queue.TryPeek(out var frame) ? frame.Timestamp : -1;
        });
        queue.TryEnqueue(MediaKind.Video, true, 42, new byte[1]);
        Assert.Equal(42, await consumer);

        queue.Advance();
        var woken = Task.Run(() =>
        {
            queue.Wait();
            return queue.TryPeek(out _);
        });
        queue.Wake();
        Assert.False(await woken);
    }

    private static void Cycle(FrameQueue queue, byte[] frame, int count)
    {
        for (var i = 0; i < count; i++)
        {
            Assert.True(queue.TryEnqueue(MediaKind.Video, false, i, frame));
            queue.Wait();
            Assert.True(queue.TryPeek(out _));
            queue.Advance();
        }
    }
}
