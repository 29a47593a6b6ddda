namespace Mcu.Stun.Tests;

public class StunTransactionIdTests
{
    [Fact]
    public void Bytes_round_trip_in_wire_order()
    {
        byte[] bytes = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
        var id = new StunTransactionId(bytes);
        var copy = new byte[12];
        id.CopyTo(copy);

        Assert.Equal(bytes, copy);
        Assert.Equal("0102030405060708090a0b0c", id.ToString());
    }

    [Fact]
    public void Equality_is_by_value()
    {
        byte[] bytes = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
        var a = new StunTransactionId(bytes);
        var b = new StunTransactionId(bytes);
        bytes[11] = 13;
        var c = new StunTransactionId(bytes);

        Assert.True(a == b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.True(a != c);
        Assert.False(a.Equals((object)c));
    }

    [Fact]
    public void Random_ids_differ()
    {
        var seen = new HashSet<StunTransactionId>();
        for (var i = 0; i < 1000; i++)
        {
            Assert.True(seen.Add(StunTransactionId.CreateRandom()));
        }
    }

    [Fact]
    public void Wrong_lengths_are_refused()
    {
        Assert.Throws<ArgumentException>(() => new StunTransactionId(new byte[11]));
        Assert.Throws<ArgumentException>(() => StunTransactionId.CreateRandom().CopyTo(new byte[11]));
    }
}
