using System.Net;
using Mcu.Testing.Network;

namespace Mcu.Stun.Tests;

public class VirtualNetworkTests
{
    private static readonly IPEndPoint A = IPEndPoint.Parse("10.0.0.1:1000");
    private static readonly IPEndPoint B = IPEndPoint.Parse("10.0.0.2:2000");

    [Fact]
    public void Delivers_after_the_delay_in_time_order()
    {
        var network = new VirtualNetwork(1) { MinDelay = TimeSpan.FromMilliseconds(20), MaxDelay = TimeSpan.FromMilliseconds(20) };
        network.Send(TimeSpan.Zero, A, B, [1]);
        network.Send(TimeSpan.FromMilliseconds(5), A, B, [2]);

        Assert.Equal(TimeSpan.FromMilliseconds(20), network.NextDelivery);
        Assert.False(network.TryDeliver(TimeSpan.FromMilliseconds(19), out _));
        Assert.True(network.TryDeliver(TimeSpan.FromMilliseconds(30), out var first));
        Assert.True(network.TryDeliver(TimeSpan.FromMilliseconds(30), out var second));
        Assert.Equal([1], first.Payload);
        Assert.Equal([2], second.Payload);
        Assert.Equal(A, first.From);
        Assert.Equal(B, first.To);
        Assert.Equal(TimeSpan.MaxValue, network.NextDelivery);
    }

    [Fact]
    public void Loss_and_duplication_follow_their_rates()
    {
        var network = new VirtualNetwork(2) { LossRate = 0.3, DuplicateRate = 0.1 };
        for (var i = 0; i < 10_000; i++)
        {
            network.Send(TimeSpan.Zero, A, B, [0]);
        }

        Assert.InRange(network.LostCount, 2700, 3300);
        Assert.InRange(network.DuplicatedCount, 550, 850);
    }

    [Fact]
    public void Jitter_reorders()
    {
        var network = new VirtualNetwork(3) { MinDelay = TimeSpan.FromMilliseconds(5), MaxDelay = TimeSpan.FromMilliseconds(100) };
        for (byte i = 0; i < 50; i++)
        {
            network.Send(TimeSpan.FromMilliseconds(i), A, B, [i]);
        }

        var order = new List<byte>();
        while (network.TryDeliver(TimeSpan.FromSeconds(1), out var datagram))
        {
            order.Add(datagram.Payload[0]);
        }
        Assert.Equal(50, order.Count);
        Assert.NotEqual(order.Order(), order);
    }

    [Fact]
    public void Nat_rewrites_the_source_and_routes_replies_inside()
    {
        var outside = IPEndPoint.Parse("203.0.113.9:40000");
        var network = new VirtualNetwork(4);
        network.MapNat(A, outside);

        network.Send(TimeSpan.Zero, A, B, [1]);
        network.Send(TimeSpan.Zero, B, outside, [2]);

        Assert.True(network.TryDeliver(TimeSpan.FromSeconds(1), out var request));
        Assert.Equal(outside, request.From);
        Assert.True(network.TryDeliver(TimeSpan.FromSeconds(1), out var reply));
        Assert.Equal(A, reply.To);
    }
}
