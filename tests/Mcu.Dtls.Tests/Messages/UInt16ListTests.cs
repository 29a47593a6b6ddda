using Mcu.Dtls.Messages;

namespace Mcu.Dtls.Tests.Messages;

public sealed class UInt16ListTests
{
    [Fact]
    public void Finds_values_and_the_first_preference_present()
    {
        Assert.True(UInt16List.TryCreate([0, 23, 0, 29, 0x11, 0xEC], out UInt16List list));

        Assert.Equal(3, list.Count);
        Assert.Equal(29, list[1]);
        Assert.True(list.Contains(0x11EC));
        Assert.False(list.Contains(24));
        Assert.Equal((ushort)29, list.FirstCommon([24, 29, 23]));
        Assert.Null(list.FirstCommon([1, 2]));
    }

    [Fact]
    public void Rejects_empty_and_odd_lengths()
    {
        Assert.False(UInt16List.TryCreate([], out _));
        Assert.False(UInt16List.TryCreate([0, 1, 2], out _));
    }
}
