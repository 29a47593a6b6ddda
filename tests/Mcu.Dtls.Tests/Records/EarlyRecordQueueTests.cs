using Mcu.Dtls.Records;

namespace Mcu.Dtls.Tests.Records;

public sealed class EarlyRecordQueueTests
{
    [Fact]
    public void Keeps_a_bounded_number_of_small_records_in_arrival_order()
    {
        var queue = new EarlyRecordQueue();
        for (int i = 0; i < EarlyRecordQueue.Capacity; i++)
        {
            Assert.True(queue.TryAdd([(byte)i]));
        }

        Assert.False(queue.TryAdd([99]));
        Assert.True(queue.TryTake(out byte[] first));
        Assert.Equal([0], first);
        Assert.Equal(EarlyRecordQueue.Capacity - 1, queue.Count);
    }

    [Fact]
    public void Refuses_records_too_large_to_be_a_Finished()
    {
        var queue = new EarlyRecordQueue();

        Assert.False(queue.TryAdd(new byte[EarlyRecordQueue.MaxRecordLength + 1]));
        Assert.Equal(0, queue.Count);
    }
}
