namespace Mcu.Sdp.Tests;

public class SdpSerializerTests
{
    public static TheoryData<string> Offers() => [.. Fixtures.AllOffers];

    [Theory]
    [MemberData(nameof(Offers))]
    public void Parse_serialise_parse_is_stable(string name)
    {
        string once = SessionDescription.Parse(Fixtures.Offer(name)).ToString();
        string twice = SessionDescription.Parse(once).ToString();

        Assert.Equal(once, twice);
    }

    [Theory]
    [MemberData(nameof(Offers))]
    public void Serialising_keeps_every_line_of_a_real_offer(string name)
    {
        string original = Fixtures.Offer(name);

        string[] originalLines = Fixtures.Lines(original);
        string[] written = Fixtures.Lines(SessionDescription.Parse(original).ToString());

        Assert.Equal(originalLines.Length, written.Length);

        // Only two lines are normalised: Chromium's "msid-semantic: WMS" space and libdatachannel's comma list.
        string[] changed = originalLines.Except(written).ToArray();
        Assert.All(changed, line => Assert.True(line.StartsWith("a=msid-semantic: ", StringComparison.Ordinal) || line == "a=ice-options:ice2,trickle", line));
    }

    [Fact]
    public void Output_uses_crlf_line_endings_and_rfc_order()
    {
        string sdp = SessionDescription.Parse(Fixtures.MinimalOffer()).ToString();

        Assert.DoesNotContain("\n", sdp.Replace("\r\n", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.StartsWith("v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n", sdp, StringComparison.Ordinal);
    }

    [Fact]
    public void Codec_lines_are_grouped_per_payload_type_and_wildcard_feedback_follows()
    {
        string sdp = Fixtures.Sdp(
            "v=0", "o=- 1 1 IN IP4 0.0.0.0", "s=-", "t=0 0",
            "m=video 9 UDP/TLS/RTP/SAVPF 96 97",
            "a=rtcp-fb:* nack",
            "a=fmtp:97 apt=96",
            "a=rtpmap:96 VP8/90000",
            "a=rtpmap:97 rtx/90000",
            "a=rtcp-fb:96 nack pli");

        string[] lines = Fixtures.Lines(SessionDescription.Parse(sdp).ToString());

        Assert.Equal(
            ["a=rtpmap:96 VP8/90000", "a=rtcp-fb:96 nack pli", "a=rtpmap:97 rtx/90000", "a=fmtp:97 apt=96", "a=rtcp-fb:* nack"],
            lines[5..]);
    }
}
