namespace Mcu.Sdp.Tests;

public class TrickleFragmentTests
{
    // The layout of a WHIP PATCH body (RFC 9725 §4.3.1), written out here with our own values.
    private static readonly string Patch = Fixtures.Sdp(
        "a=ice-options:trickle ice2",
        "m=audio 9 RTP/AVP 0",
        "a=mid:0",
        "a=ice-ufrag:EsAw",
        "a=ice-pwd:P2uYro0UCOQ4zxjKXaWCBui1",
        "a=candidate:1387637174 1 udp 2122260223 192.0.2.1 61764 typ host generation 0 ufrag EsAw network-id 1",
        "a=candidate:3471623853 1 udp 2122194687 198.51.100.2 61765 typ host generation 0 ufrag EsAw network-id 2",
        "a=candidate:473322822 1 tcp 1518280447 192.0.2.1 9 typ host tcptype active generation 0 ufrag EsAw network-id 1",
        "a=end-of-candidates");

    [Fact]
    public void Whip_patch_body_yields_credentials_mid_and_candidates()
    {
        TrickleFragment fragment = TrickleFragment.Parse(Patch);

        Assert.Equal("EsAw", fragment.IceUfrag);
        Assert.Equal("P2uYro0UCOQ4zxjKXaWCBui1", fragment.IcePwd);
        Assert.Equal(["trickle", "ice2"], fragment.IceOptions);
        TrickleMedia media = Assert.Single(fragment.Media);
        Assert.Equal("0", media.Mid);
        Assert.True(media.EndOfCandidates);
        Assert.Equal([61764, 61765, 9], media.Candidates.Select(candidate => candidate.Port));
        Assert.Equal("EsAw", media.Candidates[0].GetExtension("ufrag"));
    }

    [Fact]
    public void Written_fragment_parses_back_to_the_same_content()
    {
        var fragment = new TrickleFragment { IceUfrag = "cli1", IcePwd = "clientPasswordForTests1", EndOfCandidates = true };
        fragment.IceOptions.Add("trickle");
        var media = new TrickleMedia { Mid = "0" };
        media.Candidates.Add(IceCandidate.Host("1", "192.0.2.77", 50000));
        fragment.Media.Add(media);

        string text = fragment.ToString();
        TrickleFragment parsed = TrickleFragment.Parse(text);

        Assert.Equal(text, parsed.ToString());
        Assert.StartsWith("a=ice-options:trickle\r\na=end-of-candidates\r\nm=audio 9 RTP/AVP 0\r\na=mid:0\r\n", text, StringComparison.Ordinal);
        Assert.True(parsed.EndOfCandidates);
    }

    [Fact]
    public void Session_level_credentials_are_accepted()
    {
        TrickleFragment fragment = TrickleFragment.Parse(Fixtures.Sdp(
            "a=ice-ufrag:EsAw",
            "a=ice-pwd:P2uYro0UCOQ4zxjKXaWCBui1",
            "m=video 9 RTP/AVP 0",
            "a=mid:1",
            "a=candidate:1 1 udp 2122260223 192.0.2.1 61764 typ host"));

        Assert.Equal("EsAw", fragment.IceUfrag);
        Assert.Equal("video", fragment.Media[0].MediaType);
    }

    [Theory]
    [InlineData("a=candidate:1 1 udp 2122260223 192.0.2.1 61764 typ host\r\nm=audio 9 RTP/AVP 0\r\n", "a=candidate must follow the m= line")]
    [InlineData("v=0\r\n", "'v=' is not allowed in a trickle-ice-sdpfrag body")]
    [InlineData("m=audio 9 RTP/AVP 0\r\na=ice-ufrag:EsAw\r\nm=video 9 RTP/AVP 0\r\na=ice-ufrag:Other\r\n", "two different a=ice-ufrag values")]
    [InlineData("m=audio 9 RTP/AVP 0\r\na=candidate:1 1 udp 1 192.0.2.1 99999 typ host\r\n", "candidate port")]
    public void Malformed_fragments_are_refused(string body, string expected)
    {
        Assert.Contains(expected, Assert.Throws<SdpException>(() => TrickleFragment.Parse(body)).Message, StringComparison.Ordinal);
    }
}
