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
    public void Mdns_candidate_without_prefix_is_accepted()
    {
        IceCandidate candidate = IceCandidate.Parse("2 1 udp 2113937151 3c9e1f0a-7d2b-4e51-9a8c-6f0b2d4e1a37.local 54400 typ host generation 0");

        Assert.EndsWith(".local", candidate.Address, StringComparison.Ordinal);
    }

    [Fact]
    public void Host_priority_follows_the_rfc_8445_formula()
    {
        // 2^24 * 126 + 2^8 * 65535 + (256 - 1)
        Assert.Equal(2130706431u, IceCandidate.ComputePriority(126, 65535, 1));
        Assert.Equal(2130706431u, IceCandidate.Host("1", "192.0.2.1", 1).Priority);
        Assert.Equal(2113929470u, IceCandidate.ComputePriority(126, 0, 2));
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
    [InlineData(null)]
    public void Malformed_candidates_are_refused(string? text)
    {
        Assert.False(IceCandidate.TryParse(text, out _));
    }
}
