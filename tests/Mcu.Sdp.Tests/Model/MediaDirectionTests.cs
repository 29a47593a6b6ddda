namespace Mcu.Sdp.Tests;

public class MediaDirectionTests
{
    [Theory]
    [InlineData(MediaDirection.SendRecv, MediaDirection.SendRecv)]
    [InlineData(MediaDirection.SendOnly, MediaDirection.RecvOnly)]
    [InlineData(MediaDirection.RecvOnly, MediaDirection.SendOnly)]
    [InlineData(MediaDirection.Inactive, MediaDirection.Inactive)]
    public void Reverse_swaps_send_and_receive(MediaDirection direction, MediaDirection reversed)
    {
        Assert.Equal(reversed, direction.Reverse());
        Assert.True(MediaDirections.TryParse(direction.ToSdpName(), out MediaDirection parsed));
        Assert.Equal(direction, parsed);
    }

    [Fact]
    public void Unknown_names_do_not_parse()
    {
        Assert.False(MediaDirections.TryParse("SENDRECV", out _));
    }
}
