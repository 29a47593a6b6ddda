namespace Mcu.Server.Metrics;

/// <summary>
/// One time series (an instrument and one set of tag values): a value, or histogram buckets
/// with sum and count. Written by any thread without locks.
/// </summary>
internal sealed class MetricSeries(string labels, int bucketCount)
{
    private readonly long[] _buckets = new long[bucketCount + 1]; // the last one is +Inf
    private double _value;
    private double _sum;
    private long _count;

    public string Labels { get; } = labels;

    public double Value => Volatile.Read(ref _value);

    public double Sum => Volatile.Read(ref _sum);

    public long Count => Interlocked.Read(ref _count);

    /// <summary>Something was recorded (a series nobody touched is left out when tagged ones exist).</summary>
    public bool Touched { get; private set; }

    public void Add(double delta)
    {
        AddDouble(ref _value, delta);
        Touched = true;
    }

    public void Set(double value)
    {
        Volatile.Write(ref _value, value);
        Touched = true;
    }

    public void Observe(int bucket, double value)
    {
        Interlocked.Increment(ref _buckets[bucket]);
        AddDouble(ref _sum, value);
        Interlocked.Increment(ref _count);
        Touched = true;
    }

    public long BucketCount(int bucket) => Interlocked.Read(ref _buckets[bucket]);

    private static void AddDouble(ref double target, double delta)
    {
        double current, next;
        do
        {
            current = Volatile.Read(ref target);
            next = current + delta;
        }
        while (BitConverter.DoubleToInt64Bits(Interlocked.CompareExchange(ref target, next, current)) != BitConverter.DoubleToInt64Bits(current));
    }
}
