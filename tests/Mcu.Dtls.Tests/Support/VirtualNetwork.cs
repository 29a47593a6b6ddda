namespace Mcu.Dtls.Tests.Support;

/// <summary>
/// Two endpoints joined by an in-memory datagram pipe in virtual time, with seeded loss, duplication and
/// per-datagram delay (which reorders). Time jumps straight to the next delivery or timeout.
/// </summary>
internal sealed class VirtualNetwork
{
    private const int MaxSteps = 100_000;

    private readonly Random _random;
    private readonly PriorityQueue<(DtlsEndpoint To, byte[] Data), (TimeSpan At, long Order)> _inFlight = new();
    private readonly byte[] _buffer = new byte[65_536];
    private long _order;

    public VirtualNetwork(int seed = 1) => _random = new Random(seed);

    public double LossRate { get; init; }

    public double DuplicationRate { get; init; }

    public TimeSpan MinDelay { get; init; } = TimeSpan.FromMilliseconds(10);

    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromMilliseconds(10);

    public TimeSpan Now { get; private set; }

    /// <summary>Every datagram each endpoint sent, before loss, in order.</summary>
    public Dictionary<DtlsEndpoint, List<byte[]>> Sent { get; } = [];

    /// <summary>Optional rewrite of a datagram in flight; return null to drop it.</summary>
    public Func<DtlsEndpoint, byte[], byte[]?>? Tamper { get; init; }

    /// <summary>Starts both endpoints and runs until <paramref name="until"/> holds, nothing is left to happen, or virtual time passes <paramref name="limit"/>.</summary>
    public bool Run(DtlsEndpoint a, DtlsEndpoint b, TimeSpan limit, Func<bool>? until = null)
    {
        until ??= () => a.State == DtlsState.Connected && b.State == DtlsState.Connected;
        a.Start(Now);
        b.Start(Now);
        for (int step = 0; step < MaxSteps; step++)
        {
            Drain(a, b);
            Drain(b, a);
            if (until())
            {
                return true;
            }

            TimeSpan? next = Earliest(a.NextTimeout, b.NextTimeout);
            if (next is null || next > limit)
            {
                return false;
            }

            Now = next.Value > Now ? next.Value : Now;
            while (_inFlight.TryPeek(out (DtlsEndpoint To, byte[] Data) delivery, out (TimeSpan At, long Order) key) && key.At <= Now)
            {
                _inFlight.Dequeue();
                delivery.To.HandleDatagram(Now, delivery.Data);
            }

            a.HandleTimeout(Now);
            b.HandleTimeout(Now);
        }

        return until();
    }

    /// <summary>Polls everything <paramref name="from"/> wants to send into the pipe towards <paramref name="to"/>.</summary>
    public void Drain(DtlsEndpoint from, DtlsEndpoint to)
    {
        while (from.TryPollDatagram(_buffer, out int length))
        {
            byte[] data = _buffer.AsSpan(0, length).ToArray();
            if (!Sent.TryGetValue(from, out List<byte[]>? sent))
            {
                sent = [];
                Sent[from] = sent;
            }

            sent.Add(data);
            byte[]? delivered = Tamper is null ? data : Tamper(from, data);
            if (delivered is null || _random.NextDouble() < LossRate)
            {
                continue;
            }

            Schedule(to, delivered);
            if (_random.NextDouble() < DuplicationRate)
            {
                Schedule(to, delivered);
            }
        }
    }

    private void Schedule(DtlsEndpoint to, byte[] data)
    {
        TimeSpan delay = MinDelay + ((MaxDelay - MinDelay) * _random.NextDouble());
        _inFlight.Enqueue((to, data), (Now + delay, _order++));
    }

    private TimeSpan? Earliest(TimeSpan? first, TimeSpan? second)
    {
        TimeSpan? earliest = _inFlight.TryPeek(out _, out (TimeSpan At, long Order) key) ? key.At : null;
        foreach (TimeSpan? candidate in (ReadOnlySpan<TimeSpan?>)[first, second])
        {
            if (candidate is { } time && (earliest is null || time < earliest))
            {
                earliest = time;
            }
        }

        return earliest;
    }
}
