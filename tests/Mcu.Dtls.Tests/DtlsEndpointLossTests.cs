using Mcu.Dtls.Tests.Support;

namespace Mcu.Dtls.Tests;

/// <summary>Handshakes through a lossy, reordering, duplicating pipe in virtual time, with the default 1 s timer.</summary>
public sealed class DtlsEndpointLossTests
{
    // The longest a flight can take with the defaults (1 + 2 + ... + 60 s) plus slack for the exchange itself.
    private static readonly TimeSpan VirtualTimeLimit = TimeSpan.FromSeconds(150);

    [Fact]
    public void Fifty_seeds_with_20_percent_loss_reordering_and_duplication_all_connect()
    {
        for (int seed = 1; seed <= 50; seed++)
        {
            AssertConnects(seed, new DtlsOptions());
        }
    }

    [Fact]
    public void Twenty_seeds_with_loss_and_a_small_MTU_all_connect()
    {
        for (int seed = 100; seed < 120; seed++)
        {
            AssertConnects(seed, new DtlsOptions { Mtu = 200 });
        }
    }

    private static void AssertConnects(int seed, DtlsOptions options)
    {
        using var pair = new EndpointPair(options, options);
        var network = new VirtualNetwork(seed)
        {
            LossRate = 0.2,
            DuplicationRate = 0.1,
            MinDelay = TimeSpan.FromMilliseconds(5),
            MaxDelay = TimeSpan.FromMilliseconds(80),
        };

        Assert.True(pair.Run(network, VirtualTimeLimit), $"seed {seed} at {network.Now}: {DtlsEndpointTests.Describe(pair)}");
        Assert.Equal(pair.Client.GetSrtpKeyingMaterial(), pair.Server.GetSrtpKeyingMaterial());
    }
}
