namespace Mcu.Client.Tests;

public class TimedValueLogTests
{
    [Fact]
    public void Snapshot_is_oldest_first()
    {
        var log = new TimedValueLog(4);
        log.Add(10, 1);
        log.Add(20, 2);

        Assert.Equal([new TimedValue(10, 1), new TimedValue(20, 2)], log.Snapshot());
        Assert.Equal(2, log.Count);
    }

    [Fact]
    public void A_full_log_keeps_the_newest_values()
    {
        var log = new TimedValueLog(3);
        for (var i = 1; i <= 5; i++)
        {
            log.Add(i * 100, i);
        }

        Assert.Equal([new TimedValue(300, 3), new TimedValue(400, 4), new TimedValue(500, 5)], log.Snapshot());
        Assert.Equal(5, log.Count);
    }

    [Fact]
    public void Capacity_must_be_positive() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new TimedValueLog(0));
}
