using System.Net;
using Mcu.Stun.Ice;

namespace Mcu.Stun.Tests.Ice;

public class IceCandidateTests
{
    [Fact]
    public void Host_priority_follows_rfc8445()
    {
        // (2^24)*126 + (2^8)*65535 + (256 - 1)
        Assert.Equal(2130706431u, IceCandidate.ComputePriority(IceCandidateType.Host, 65535, 1));
        Assert.Equal(1862270975u, IceCandidate.ComputePriority(IceCandidateType.PeerReflexive, 65535, 1));
        Assert.Equal(1694498815u, IceCandidate.ComputePriority(IceCandidateType.ServerReflexive, 65535, 1));
        Assert.Equal(16777215u, IceCandidate.ComputePriority(IceCandidateType.Relayed, 65535, 1));
        Assert.Equal(2130706430u, IceCandidate.ComputePriority(IceCandidateType.Host, 65535, 2));
    }

    [Fact]
    public void Formats_an_ipv4_host_candidate()
    {
        var candidate = IceCandidate.CreateHost(IPEndPoint.Parse("192.0.2.1:3478"), "1");

        Assert.Equal("candidate:1 1 udp 2130706431 192.0.2.1 3478 typ host", candidate.ToString());
        Assert.Equal("a=candidate:1 1 udp 2130706431 192.0.2.1 3478 typ host", candidate.ToSdpLine());
    }

    [Fact]
    public void Formats_an_ipv6_host_candidate_without_its_zone()
    {
        var address = IPAddress.Parse("fe80::1");
        address.ScopeId = 3;
        var candidate = IceCandidate.CreateHost(new IPEndPoint(address, 3478), "2", localPreference: 65534);

        Assert.Equal("candidate:2 1 udp 2130706175 fe80::1 3478 typ host", candidate.ToString());
    }

    [Fact]
    public void Parses_a_chromium_host_candidate_with_extensions()
    {
        Assert.True(IceCandidate.TryParse(
            "candidate:3362723538 1 udp 2122260223 192.168.1.5 54321 typ host generation 0 ufrag EsAw network-id 1 network-cost 10",
            out var candidate));

        Assert.Equal("3362723538", candidate.Foundation);
        Assert.Equal(1, candidate.Component);
        Assert.Equal(IceTransportProtocol.Udp, candidate.Protocol);
        Assert.Equal(2122260223u, candidate.Priority);
        Assert.Equal(IPEndPoint.Parse("192.168.1.5:54321"), candidate.EndPoint);
        Assert.Equal(IceCandidateType.Host, candidate.Type);
        Assert.Null(candidate.RelatedEndPoint);
    }

    [Fact]
    public void Parses_an_sdp_line_with_a_reflexive_ipv6_candidate()
    {
        Assert.True(IceCandidate.TryParse(
            "a=candidate:842163049 1 UDP 1677729535 2001:db8::5 61000 typ srflx raddr :: rport 0",
            out var candidate));

        Assert.Equal(IceCandidateType.ServerReflexive, candidate.Type);
        Assert.Equal(IPEndPoint.Parse("[2001:db8::5]:61000"), candidate.EndPoint);
        Assert.Equal(IPEndPoint.Parse("[::]:0"), candidate.RelatedEndPoint);
    }

    [Fact]
    public void Formatting_then_parsing_round_trips()
    {
        var original = new IceCandidate
        {
            Foundation = "r1",
            Priority = 16777215,
            EndPoint = IPEndPoint.Parse("203.0.113.4:49152"),
            Type = IceCandidateType.Relayed,
            RelatedEndPoint = IPEndPoint.Parse("198.51.100.2:50000"),
        };

        Assert.True(IceCandidate.TryParse(original.ToString(), out var parsed));
        Assert.Equal(original, parsed);
    }

    [Fact]
    public void Parses_tcp_candidates_so_callers_can_skip_them()
    {
        Assert.True(IceCandidate.TryParse("candidate:1 1 tcp 1518280447 192.0.2.1 9 typ host tcptype active", out var candidate));
        Assert.Equal(IceTransportProtocol.Tcp, candidate.Protocol);
    }

    [Theory]
    [InlineData("candidate:1 1 udp 2130706431 abc.local 3478 typ host")] // mDNS name
    [InlineData("candidate:1 1 udp 2130706431 1.2.3 3478 typ host")] // not a dotted quad
    [InlineData("candidate:1 1 udp 2130706431 0x7f.0.0.1 3478 typ host")]
    [InlineData("candidate:1 1 udp 2130706431 192.0.2.1 70000 typ host")] // port
    [InlineData("candidate:1 0 udp 2130706431 192.0.2.1 3478 typ host")] // component
    [InlineData("candidate:1 1 sctp 2130706431 192.0.2.1 3478 typ host")] // transport
    [InlineData("candidate:1 1 udp 0 192.0.2.1 3478 typ host")] // priority
    [InlineData("candidate:1 1 udp 2130706431 192.0.2.1 3478 type host")]
    [InlineData("candidate:1 1 udp 2130706431 192.0.2.1 3478 typ nat")]
    [InlineData("candidate:1 1 udp 2130706431 192.0.2.1 3478 typ")]
    [InlineData("candidate:1 1 udp 2130706431 192.0.2.1")]
    [InlineData("candidate:f-1 1 udp 2130706431 192.0.2.1 3478 typ host")] // foundation chars
    [InlineData("cand:1 1 udp 2130706431 192.0.2.1 3478 typ host")]
    [InlineData("")]
    public void Rejects_malformed_lines(string line)
    {
        Assert.False(IceCandidate.TryParse(line, out var candidate));
        Assert.Null(candidate);
    }

    [Fact]
    public void Random_text_never_throws()
    {
        var random = new Random(8839);
        const string alphabet = "candidte:0123456789 .abcdefgh:typhostudprflxsrelayraddrport-";
        var text = new char[80];
        for (var i = 0; i < 5000; i++)
        {
            var length = random.Next(text.Length);
            for (var j = 0; j < length; j++)
            {
                text[j] = alphabet[random.Next(alphabet.Length)];
            }
            if (IceCandidate.TryParse(text.AsSpan(0, length), out var parsed)
                || IceCandidate.TryParse(string.Concat("candidate:", new string(text, 0, length)), out parsed))
            {
                Assert.True(IceCandidate.TryParse(parsed.ToString(), out var again));
                Assert.Equal(parsed, again);
            }
        }
    }
}
