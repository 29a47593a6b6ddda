using System.Text;

namespace Mcu.Sdp.Tests;

public class SdpParserHostileTests
{
    private static SdpException Rejects(string sdp) => Assert.Throws<SdpException>(() => SessionDescription.Parse(sdp));

    private static string[] MinimalLines() => Fixtures.Lines(Fixtures.MinimalOffer());

    [Fact]
    public void Oversize_text_is_rejected_before_parsing()
    {
        SdpException error = Rejects(Fixtures.MinimalOffer() + new string('a', 70_000));

        Assert.Contains("the limit is 65536", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, error.LineNumber);
    }

    [Fact]
    public void Oversize_utf8_body_is_rejected_by_byte_count()
    {
        byte[] body = new byte[65537];

        SdpException error = Assert.Throws<SdpException>(() => new SdpParser().Parse(body));

        Assert.Contains("65537 bytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Too_many_lines_are_rejected_at_the_first_line_over_the_limit()
    {
        var limits = new SdpLimits { MaxLines = 40 };
        string sdp = Fixtures.MinimalOffer() + string.Concat(Enumerable.Repeat("a=x-filler\r\n", 50));

        SdpException error = Assert.Throws<SdpException>(() => new SdpParser(limits).Parse(sdp));

        Assert.Equal(41, error.LineNumber);
        Assert.Contains("too many lines", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Too_many_media_sections_are_rejected()
    {
        var text = new StringBuilder("v=0\r\no=- 1 1 IN IP4 0.0.0.0\r\ns=-\r\nt=0 0\r\n");
        for (int i = 0; i < 17; i++)
        {
            text.Append("m=audio 9 UDP/TLS/RTP/SAVPF 111\r\n");
        }

        SdpException error = Rejects(text.ToString());

        Assert.Equal(21, error.LineNumber);
        Assert.Contains("too many m= sections; the limit is 16", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Too_many_attributes_in_one_section_are_rejected()
    {
        string sdp = Fixtures.MinimalOffer() + string.Concat(Enumerable.Repeat("a=x-filler\r\n", 300));

        Assert.Contains("too many a= lines in an m= section", Rejects(sdp).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Too_many_formats_are_rejected()
    {
        string formats = string.Join(' ', Enumerable.Range(0, 70));
        string sdp = Fixtures.MinimalOffer().Replace("m=video 9 UDP/TLS/RTP/SAVPF 96", "m=video 9 UDP/TLS/RTP/SAVPF " + formats, StringComparison.Ordinal);

        Assert.Contains("70 formats; the limit is 64", Rejects(sdp).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Overlong_line_is_rejected()
    {
        string sdp = Fixtures.MinimalOffer() + "a=x-long:" + new string('z', 2000) + "\r\n";

        Assert.Contains("longer than 1024 characters", Rejects(sdp).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("m=video 70000 UDP/TLS/RTP/SAVPF 96", "m= port '70000' is not in the range 0-65535")]
    [InlineData("m=video 9 UDP/TLS/RTP/SAVPF 128", "m= payload type '128' is not in the range 0-127")]
    [InlineData("a=rtpmap:300 VP8/90000", "a=rtpmap payload type '300' is not in the range 0-127")]
    [InlineData("a=rtpmap:96 VP8/99999999999999999999999", "a=rtpmap clock rate")]
    [InlineData("a=rtpmap:96 VP8/0", "a=rtpmap clock rate '0'")]
    [InlineData("a=extmap:256 urn:ietf:params:rtp-hdrext:sdes:mid", "a=extmap id '256' is not in the range 1-255")]
    [InlineData("a=extmap:0 urn:ietf:params:rtp-hdrext:sdes:mid", "a=extmap id '0'")]
    [InlineData("a=ssrc:4294967296 cname:x", "a=ssrc '4294967296' is not a 32-bit SSRC")]
    [InlineData("a=ssrc-group:FID 1 -2", "a=ssrc-group '-2'")]
    [InlineData("a=candidate:1 1 udp 4294967296 192.0.2.1 5000 typ host", "candidate priority")]
    [InlineData("a=candidate:1 1 udp 1 192.0.2.1 65536 typ host", "candidate port")]
    [InlineData("a=sctp-port:65536", "a=sctp-port")]
    [InlineData("a=rtcp-fb:1000 nack", "a=rtcp-fb payload type '1000'")]
    public void Numbers_out_of_range_name_the_field_and_line(string line, string expected)
    {
        string[] lines = MinimalLines();
        int index = line.StartsWith("m=", StringComparison.Ordinal)
            ? Array.IndexOf(lines, "m=video 9 UDP/TLS/RTP/SAVPF 96")
            : lines.Length;
        string sdp = line.StartsWith("m=", StringComparison.Ordinal)
            ? Fixtures.Sdp([.. lines[..index], line, .. lines[(index + 1)..]])
            : Fixtures.Sdp([.. lines, line]);

        SdpException error = Rejects(sdp);

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Equal(index + 1, error.LineNumber);
        Assert.StartsWith($"SDP line {index + 1}: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Huge_origin_session_id_is_rejected()
    {
        string sdp = Fixtures.MinimalOffer().Replace("o=- 1 2", "o=- 99999999999999999999999 2", StringComparison.Ordinal);

        SdpException error = Rejects(sdp);

        Assert.Equal(2, error.LineNumber);
        Assert.Contains("session id", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("v=0\r\n", "must begin with a v= line")]
    [InlineData("o=- 1 2 IN IP4 127.0.0.1\r\n", "the session-level o= line must come before the first m= line")]
    [InlineData("s=-\r\n", "s=")]
    [InlineData("t=0 0\r\n", "t=")]
    public void Missing_required_lines_are_named(string removed, string expected)
    {
        string sdp = Fixtures.MinimalOffer().Replace(removed, string.Empty, StringComparison.Ordinal);

        Assert.Contains(expected, Rejects(sdp).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Session_without_media_must_still_have_its_required_lines()
    {
        Assert.Contains("the required t= line is missing", Rejects("v=0\r\no=- 1 1 IN IP4 0.0.0.0\r\ns=-\r\n").Message, StringComparison.Ordinal);
        Assert.Contains("there is no v= line", Rejects("\r\n\r\n").Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("o=- 1 2 IN IP4 127.0.0.1", "'o=' is not allowed inside a media section")]
    [InlineData("x=unknown", "'x=' is not allowed inside a media section")]
    [InlineData("hello", "expected '<type>=<value>'")]
    [InlineData("A=upper", "expected '<type>=<value>'")]
    [InlineData("a=mid:again", "a=mid appears more than once")]
    [InlineData("a=recvonly", "a direction attribute appears more than once")]
    [InlineData("a=ice-ufrag:efgh", "a=ice-ufrag appears more than once")]
    [InlineData("a=rtpmap:96 VP8/90000", "a=rtpmap for this payload type appears more than once")]
    [InlineData("a=rtpmap", "a=rtpmap needs a value")]
    [InlineData("a=candidate:1 1 udp 1 192.0.2.1 5000 host", "candidate needs")]
    [InlineData("a=simulcast:send", "a=simulcast needs")]
    [InlineData("a=rid:a b c send", "a=rid direction must be send or recv")]
    [InlineData("a=msid:a b c", "a=msid needs")]
    [InlineData("a=bad name:x", "attribute name is not a token")]
    public void Malformed_media_lines_are_named(string line, string expected)
    {
        SdpException error = Rejects(Fixtures.MinimalOffer() + line + "\r\n");

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Equal(MinimalLines().Length + 1, error.LineNumber);
    }

    [Theory]
    [InlineData("x=unknown", "unknown line type 'x='")]
    [InlineData("v=0", "v= appears more than once")]
    [InlineData("a=setup:sideways", "a=setup must be actpass, active, passive or holdconn")]
    [InlineData("a=ice-ufrag:ab", "a=ice-ufrag must be 4-256 characters")]
    [InlineData("a=ice-pwd:short", "a=ice-pwd must be 22-256 characters")]
    [InlineData("a=fingerprint:sha-256 AB:CD", "a=fingerprint sha-256 digest has the wrong length")]
    [InlineData("a=fingerprint:sha-256 ZZ", "hex byte pairs")]
    [InlineData("a=group:BUNDLE 0 {bad}:", "a=group has an invalid mid")]
    [InlineData("a=msid-semantic: ", "a=msid-semantic needs a value")]
    public void Malformed_session_lines_are_named(string line, string expected)
    {
        SdpException error = Rejects(Fixtures.MinimalOffer().Replace("t=0 0\r\n", "t=0 0\r\n" + line + "\r\n", StringComparison.Ordinal));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Equal(5, error.LineNumber);
    }

    [Fact]
    public void Control_characters_are_rejected_with_their_code()
    {
        SdpException error = Rejects(Fixtures.MinimalOffer().Replace("s=-", "s=\0", StringComparison.Ordinal));

        Assert.Equal(3, error.LineNumber);
        Assert.Contains("control character U+0000", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Lone_carriage_return_inside_a_line_is_a_control_character()
    {
        Assert.Contains("U+000D", Rejects(Fixtures.MinimalOffer().Replace("s=-", "s=a\rb", StringComparison.Ordinal)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unpaired_surrogate_is_rejected()
    {
        Assert.Contains("surrogate", Rejects(Fixtures.MinimalOffer().Replace("s=-", "s=\uD800", StringComparison.Ordinal)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_utf8_names_the_line()
    {
        byte[] body = Encoding.UTF8.GetBytes(Fixtures.MinimalOffer().Replace("s=-", "s=XX", StringComparison.Ordinal));
        int at = Array.IndexOf(body, (byte)'X');
        body[at] = 0xC3;
        body[at + 1] = 0x28;

        SdpException error = Assert.Throws<SdpException>(() => new SdpParser().Parse(body));

        Assert.Equal(3, error.LineNumber);
        Assert.Contains("not valid UTF-8", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Binary_garbage_is_rejected_as_sdp_exception()
    {
        var random = new Random(1234);
        byte[] garbage = new byte[4096];
        random.NextBytes(garbage);

        SdpException error = Assert.Throws<SdpException>(() => new SdpParser().Parse(garbage));

        Assert.NotEmpty(error.Message);
    }
}
