namespace Mcu.Sdp.Tests;

public class SdpSimulcastTests
{
    private static SdpSimulcast Parse(string value) =>
        SessionDescription.Parse(Fixtures.MinimalOffer() + "a=simulcast:" + value + "\r\n").Media[1].Simulcast!;

    [Fact]
    public void Streams_alternatives_and_paused_rids_are_read_in_either_order()
    {
        SdpSimulcast simulcast = Parse("recv ~c send a,b;d");

        Assert.Equal([["a", "b"], ["d"]], simulcast.Send.Select(stream => stream.Select(rid => rid.Id)));
        Assert.Equal(new SimulcastRid("c", Paused: true), Assert.Single(Assert.Single(simulcast.Recv)));
        Assert.Equal("send a,b;d recv ~c", simulcast.ToString());
    }

    [Theory]
    [InlineData("send a;;b")]
    [InlineData("send a recv b send c")]
    [InlineData("send a send b")]
    [InlineData("both a")]
    [InlineData("send a b")]
    public void Malformed_lists_are_refused(string value)
    {
        Assert.Throws<SdpException>(() => Parse(value));
    }
}
