using Mcu.Recording.Matroska;
using Mcu.Recording.Tests.Support;

namespace Mcu.Recording.Tests.Matroska;

public sealed class ClusterBuilderTests
{
    [Fact]
    public void A_closed_cluster_is_one_complete_element_with_its_timestamp_and_blocks()
    {
        var cluster = new ClusterBuilder(initialCapacity: 64);
        cluster.Open(1000);
        Assert.True(cluster.TryAdd(1, 1000, true, new byte[100]));
        Assert.True(cluster.TryAdd(2, 1020, true, new byte[40]));
        var bytes = cluster.Close().ToArray();

        var element = Assert.Single(EbmlWalker.Children(bytes, 0, bytes.Length));
        Assert.Equal(MatroskaIds.Cluster, element.Id);
        var children = EbmlWalker.Children(bytes, element.DataOffset, bytes.Length);
        Assert.Equal([MatroskaIds.Timestamp, MatroskaIds.SimpleBlock, MatroskaIds.SimpleBlock], children.Select(c => c.Id));
        Assert.Equal(1000UL, EbmlWalker.ReadUnsigned(bytes, children[0]));
        Assert.False(cluster.IsOpen);
    }

    [Fact]
    public void Blocks_beyond_a_signed_16_bit_offset_from_the_cluster_time_are_refused()
    {
        var cluster = new ClusterBuilder();
        cluster.Open(40_000);
        Assert.True(cluster.TryAdd(1, 40_000 + 32_767, false, new byte[1]));
        Assert.True(cluster.TryAdd(1, 40_000 - 32_768, false, new byte[1]));
        Assert.False(cluster.TryAdd(1, 40_000 + 32_768, false, new byte[1]));
        Assert.False(cluster.TryAdd(1, 40_000 - 32_769, false, new byte[1]));
    }

    [Fact]
    public void Nothing_can_be_added_to_a_closed_cluster_and_the_next_one_starts_clean()
    {
        var cluster = new ClusterBuilder(initialCapacity: 16);
        cluster.Open(0);
        cluster.TryAdd(1, 0, true, new byte[5000]);
        var first = cluster.Close().Length;
        Assert.False(cluster.TryAdd(1, 10, false, new byte[1]));
        cluster.Open(2000);
        cluster.TryAdd(1, 2000, true, new byte[10]);
        var second = cluster.Close().ToArray();
        Assert.True(second.Length < first);
        Assert.Single(EbmlWalker.Children(second, 0, second.Length));
    }
}
