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

    [Theory]
    [InlineData(-1, 1)]
    [InlineData(65536, 1)]
    [InlineData(65535, 0)]
    [InlineData(65535, 257)]
    public void Priority_refuses_preferences_and_components_out_of_range(int localPreference, int component)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => IceCandidate.ComputePriority(IceCandidateType.Host, localPreference, component));
    }

    [Fact]
    public void Creates_a_udp_host_candidate_for_the_rtp_component()
    {
        var endPoint = IPEndPoint.Parse("192.0.2.1:3478");

        var candidate = IceCandidate.CreateHost(endPoint, "2", localPreference: 65534);

        Assert.Equal("2", candidate.Foundation);
        Assert.Equal(endPoint, candidate.EndPoint);
        Assert.Equal(IceCandidateType.Host, candidate.Type);
        Assert.Equal(IceTransportProtocol.Udp, candidate.Protocol);
        Assert.Equal(IceCandidate.RtpComponent, candidate.Component);
        Assert.Equal(2130706175u, candidate.Priority);
    }
}
