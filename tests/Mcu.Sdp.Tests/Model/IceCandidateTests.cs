using System.Net;

namespace Mcu.Sdp.Tests;

public class IceCandidateTests
{
    [Fact]
    public void Chromium_host_candidate_with_extensions_round_trips()
    {
        const string text = "candidate:1467250027 1 udp 2122260223 192.168.1.34 53214 typ host generation 0 network-id 1 network-cost 10";

        IceCandidate candidate = IceCandidate.Parse(text);

        Assert.Equal(("1467250027", 1, "udp", 2122260223u), (candidate.Foundation, candidate.Component, candidate.Transport, candidate.Priority));
        Assert.Equal(("192.168.1.34", 53214, "host"), (candidate.Address, candidate.Port, candidate.Type));
        Assert.True(candidate.IsUdp);
        Assert.Equal("10", candidate.GetExtension("network-cost"));
        Assert.Equal(text, candidate.ToString());
        Assert.True(candidate.TryGetEndPoint(out IPEndPoint? endPoint));
        Assert.Equal(IPEndPoint.Parse("192.168.1.34:53214"), endPoint);
    }

    [Fact]
    public void Reflexive_candidate_keeps_related_address_and_port()
    {
        IceCandidate candidate = IceCandidate.Parse("a=candidate:4 1 UDP 1681915903 203.0.113.45 47218 typ srflx raddr 192.168.1.20 rport 47218");

        Assert.Equal(("srflx", "192.168.1.20", (int?)47218), (candidate.Type, candidate.RelatedAddress, candidate.RelatedPort));
        Assert.True(candidate.IsUdp);
        Assert.Equal("candidate:4 1 UDP 1681915903 203.0.113.45 47218 typ srflx raddr 192.168.1.20 rport 47218", candidate.ToString());
    }

    [Fact]
    public void Ipv6_reflexive_candidate_gives_its_endpoint()
    {
        IceCandidate candidate = IceCandidate.Parse("a=candidate:842163049 1 UDP 1677729535 2001:db8::5 61000 typ srflx raddr :: rport 0");

        Assert.True(candidate.TryGetEndPoint(out IPEndPoint? endPoint));
        Assert.Equal(IPEndPoint.Parse("[2001:db8::5]:61000"), endPoint);
        Assert.Equal(("::", (int?)0), (candidate.RelatedAddress, candidate.RelatedPort));
    }

    [Fact]
    public void Tcp_candidate_is_parsed_so_callers_can_skip_it()
    {
        IceCandidate candidate = IceCandidate.Parse("candidate:1 1 tcp 1518280447 192.0.2.1 9 typ host tcptype active");

        Assert.False(candidate.IsUdp);
        Assert.Equal("active", candidate.GetExtension("tcptype"));
    }

    [Fact]
    public void Mdns_candidate_without_prefix_is_accepted_but_has_no_endpoint()
    {
        IceCandidate candidate = IceCandidate.Parse("2 1 udp 2113937151 3c9e1f0a-7d2b-4e51-9a8c-6f0b2d4e1a37.local 54400 typ host generation 0");

        Assert.EndsWith(".local", candidate.Address, StringComparison.Ordinal);
        Assert.False(candidate.TryGetEndPoint(out IPEndPoint? endPoint));
        Assert.Null(endPoint);
    }

    [Theory]
    [InlineData("1.2.3")] // IPAddress.TryParse would take it as 1.2.0.3
    [InlineData("0x7f.0.0.1")]
    [InlineData("fe80::1%eth0")]
    [InlineData("host.example.com")]
    public void Addresses_that_are_not_ip_literals_have_no_endpoint(string address)
    {
        Assert.False(IceCandidate.Host("1", address, 3478).TryGetEndPoint(out _));
    }

    [Fact]
    public void Host_candidate_carries_the_recommended_priority_unless_given_one()
    {
        IceCandidate candidate = IceCandidate.Host("1", "192.0.2.1", 3478);

        Assert.Equal("candidate:1 1 udp 2130706431 192.0.2.1 3478 typ host", candidate.ToString());
        Assert.Equal(2130706175u, IceCandidate.Host("2", "192.0.2.1", 3478, priority: 2130706175).Priority);
    }

    [Theory]
    [InlineData("candidate:123456789012345678901234567890123 1 udp 1 192.0.2.1 1 typ host")]
    [InlineData("candidate:1 0 udp 1 192.0.2.1 1 typ host")]
    [InlineData("candidate:1 257 udp 1 192.0.2.1 1 typ host")]
    [InlineData("candidate:1 1 udp 1 192.0.2.1 1 typ host generation")]
    [InlineData("candidate:1 1 udp 1 192.0.2.1 1 type host")]
    [InlineData("candidate:1 1 udp 1 192.0.2.1 1 typ srflx raddr 1.1.1.1 raddr 2.2.2.2")]
    [InlineData("candidate:1 1 udp 1 192.0.2.1 1 typ srflx rport 70000")]
    [InlineData("candidate:f=o 1 udp 1 192.0.2.1 1 typ host")]
    [InlineData("candidate:1 1 udp 1 192.0.2.1 70000 typ host")]
    [InlineData("candidate:1 1 udp 1 192.0.2.1 1 typ")]
    [InlineData("candidate:1 1 udp 1 192.0.2.1")]
    [InlineData("cand:1 1 udp 1 192.0.2.1 1 typ host")]
    [InlineData("")]
    [InlineData(null)]
    public void Malformed_candidates_are_refused(string? text)
    {
        Assert.False(IceCandidate.TryParse(text, out _));
    }
}
