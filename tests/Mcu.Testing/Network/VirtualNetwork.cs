using System.Net;

namespace Mcu.Testing.Network;

/// <summary>One datagram on its way through a <see cref="VirtualNetwork"/>.</summary>
public sealed record VirtualDatagram(IPEndPoint From, IPEndPoint To, byte[] Payload);

/// <summary>
/// An in-memory UDP network in virtual time with seeded loss, delay (jitter reorders),
/// duplication and simple NAT mappings. Reusable by any sans-IO protocol test.
/// </summary>
public sealed class VirtualNetwork(int seed)
{
    private readonly Random _random = new(seed);
    private readonly PriorityQueue<VirtualDatagram, (TimeSpan At, long Order)> _inFlight = new();
    private readonly Dictionary<IPEndPoint, IPEndPoint> _outbound = [];
    private readonly Dictionary<IPEndPoint, IPEndPoint> _inbound = [];
    private long _order;

    /// <summary>Probability that a datagram is dropped.</summary>
    public double LossRate { get; init; }

    /// <summary>Probability that a delivered datagram arrives twice.</summary>
    public double DuplicateRate { get; init; }

    /// <summary>Shortest one-way delay.</summary>
    public TimeSpan MinDelay { get; init; } = TimeSpan.FromMilliseconds(10);

    /// <summary>Longest one-way delay; a spread wider than the send interval reorders datagrams.</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromMilliseconds(10);

    public long SentCount { get; private set; }

    public long LostCount { get; private set; }

    public long DuplicatedCount { get; private set; }

    /// <summary>When the next datagram arrives; <see cref="TimeSpan.MaxValue"/> when none is in flight.</summary>
    public TimeSpan NextDelivery => _inFlight.TryPeek(out _, out var due) ? due.At : TimeSpan.MaxValue;

    /// <summary>
    /// Puts <paramref name="inside"/> behind a NAT that maps it to <paramref name="outside"/>
    /// (replacing an earlier mapping, which then stops working: a rebinding).
    /// </summary>
    public void MapNat(IPEndPoint inside, IPEndPoint outside)
    {
        if (_outbound.Remove(inside, out var previous))
        {
            _inbound.Remove(previous);
        }
        _outbound[inside] = outside;
        _inbound[outside] = inside;
    }

    public void Send(TimeSpan now, IPEndPoint from, IPEndPoint to, ReadOnlySpan<byte> payload)
    {
        SentCount++;
        var source = _outbound.TryGetValue(from, out var mapped) ? mapped : from;
        var destination = _inbound.TryGetValue(to, out var inside) ? inside : to;
        if (_random.NextDouble() < LossRate)
        {
            LostCount++;
            return;
        }
        var copies = _random.NextDouble() < DuplicateRate ? 2 : 1;
        DuplicatedCount += copies - 1;
        for (var i = 0; i < copies; i++)
        {
            var delay = MinDelay + ((MaxDelay - MinDelay) * _random.NextDouble());
            _inFlight.Enqueue(new VirtualDatagram(source, destination, payload.ToArray()), (now + delay, _order++));
        }
    }

    /// <summary>Takes the next datagram due at or before <paramref name="now"/>.</summary>
    public bool TryDeliver(TimeSpan now, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out VirtualDatagram? datagram)
    {
        if (_inFlight.TryPeek(out datagram, out var due) && due.At <= now)
        {
            _inFlight.Dequeue();
            return true;
        }
        datagram = null;
        return false;
    }
}
