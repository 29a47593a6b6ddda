namespace Mcu.Sdp.Tests;

public class RemoteSourceTests
{
    private static IReadOnlyList<RemoteSource> VideoSources(params string[] videoLines)
    {
        string offer = Fixtures.MinimalOffer() + string.Join("\r\n", videoLines) + "\r\n";
        return new SdpAnswerer(Fixtures.AnswerOptions()).CreateAnswer(offer).Session.Media[1].RemoteSources;
    }

    [Fact]
    public void Legacy_sim_group_orders_layers_and_fid_pairs_each_with_its_rtx()
    {
        IReadOnlyList<RemoteSource> sources = VideoSources(
            "a=ssrc-group:FID 20 21",
            "a=ssrc-group:FID 10 11",
            "a=ssrc-group:SIM 10 20",
            "a=ssrc:20 cname:c",
            "a=ssrc:21 cname:c",
            "a=ssrc:10 cname:c",
            "a=ssrc:11 cname:c");

        Assert.Equal([(10u, (uint?)11u), (20u, (uint?)21u)], sources.Select(source => (source.Ssrc, source.RtxSsrc)));
    }

    [Fact]
    public void Media_level_msid_applies_when_ssrc_lines_carry_none()
    {
        RemoteSource source = Assert.Single(VideoSources("a=msid:stream track", "a=ssrc:5 cname:c"));

        Assert.Equal(new RemoteSource(5, null, "c", "stream", "track"), source);
    }

    [Fact]
    public void Ssrc_without_cname_is_still_reported()
    {
        Assert.Equal(new RemoteSource(7, null, null, null, null), Assert.Single(VideoSources("a=ssrc:7 label:x")));
    }
}
