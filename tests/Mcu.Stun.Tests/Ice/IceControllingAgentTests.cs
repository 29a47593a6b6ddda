using System.Net;
using System.Text;
using Mcu.Stun.Ice;

namespace Mcu.Stun.Tests.Ice;

public class IceControllingAgentTests
{
    private static readonly IceCredentials Client = new("clnt", "clientPassword0123456789");
    private static readonly IceCredentials Server = new("srvA", "serverPassword0123456789");
    private static readonly IPEndPoint ServerHost = IPEndPoint.Parse("192.0.2.1:3478");
    private static readonly IPEndPoint ServerReflexive = IPEndPoint.Parse("203.0.113.1:3478");
    private static readonly IPEndPoint ClientSeen = IPEndPoint.Parse("198.51.100.7:50000");

    [Fact]
    public void Nothing_is_sent_before_start()
    {
        var agent = NewAgent(ServerHost);
        agent.HandleTimeout(TimeSpan.FromSeconds(10));

        Assert.Equal(TimeSpan.MaxValue, agent.NextTimeout);
        Assert.Empty(Drain(agent));
        Assert.Equal(IceState.New, agent.State);
    }

    [Fact]
    public void The_first_check_goes_to_the_best_candidate_with_every_ice_attribute()
    {
        var agent = new IceControllingAgent(Client, Server);
        agent.AddRemoteCandidate(new IceCandidate { Foundation = "2", Priority = 1694498815, EndPoint = ServerReflexive, Type = IceCandidateType.ServerReflexive });
        agent.AddRemoteCandidate(IceCandidate.CreateHost(ServerHost, "1"));
        agent.Start(TimeSpan.Zero);
        agent.HandleTimeout(TimeSpan.Zero);

        var sent = Assert.Single(Drain(agent));
        Assert.Equal(ServerHost, sent.To);
        Assert.True(StunMessageReader.TryParse(sent.Bytes, out var check));
        Assert.Equal(StunMessageType.BindingRequest, check.MessageType);
        Assert.True(check.TryGetUsername(out var username));
        Assert.Equal("srvA:clnt", Encoding.ASCII.GetString(username));
        Assert.True(check.TryGetPriority(out var priority));
        Assert.Equal(IceCandidate.ComputePriority(IceCandidateType.PeerReflexive, 65535, 1), priority);
        Assert.True(check.TryGetIceControlling(out var tieBreaker));
        Assert.Equal(agent.TieBreaker, tieBreaker);
        Assert.True(check.HasUseCandidate);
        Assert.True(check.VerifyMessageIntegrity(Encoding.ASCII.GetBytes(Server.Password)));
        Assert.True(check.VerifyFingerprint());
        Assert.Equal(IceState.Checking, agent.State);
    }

    [Fact]
    public void New_checks_are_paced_by_ta()
    {
        var agent = NewAgent(ServerHost, ServerReflexive);
        agent.Start(TimeSpan.Zero);
        agent.HandleTimeout(TimeSpan.Zero);
        Assert.Single(Drain(agent));

        Assert.Equal(TimeSpan.FromMilliseconds(50), agent.NextTimeout);
        agent.HandleTimeout(TimeSpan.FromMilliseconds(49));
        Assert.Empty(Drain(agent));

        agent.HandleTimeout(TimeSpan.FromMilliseconds(50));
        Assert.Equal(ServerReflexive, Assert.Single(Drain(agent)).To);
    }

    [Fact]
    public void Unanswered_checks_are_retransmitted_with_doubling_timeouts_then_fail()
    {
        var agent = NewAgent(ServerHost);
        agent.EndOfRemoteCandidates();
        agent.Start(TimeSpan.Zero);

        var sendTimes = new List<double>();
        var datagrams = new List<byte[]>();
        var now = TimeSpan.Zero;
        while (true)
        {
            agent.HandleTimeout(now);
            foreach (var sent in Drain(agent))
            {
                sendTimes.Add(now.TotalMilliseconds);
                datagrams.Add(sent.Bytes);
            }
            if (agent.State == IceState.Failed || now > TimeSpan.FromMinutes(1))
            {
                break;
            }
            now = agent.NextTimeout;
        }

        Assert.Equal([0, 250, 750, 1750, 3750, 7750, 15750], sendTimes);
        Assert.All(datagrams, d => Assert.Equal(datagrams[0], d));
        Assert.Equal(IceFailureReason.ChecksFailed, agent.FailureReason);
        Assert.Equal(TimeSpan.FromMilliseconds(19750), now);
    }

    [Fact]
    public void While_candidates_may_still_trickle_in_failure_waits_for_the_connect_timeout()
    {
        var agent = NewAgent(ServerHost);
        agent.Start(TimeSpan.Zero);

        var now = TimeSpan.Zero;
        while (true)
        {
            agent.HandleTimeout(now);
            Drain(agent);
            if (agent.State == IceState.Failed)
            {
                break;
            }
            now = agent.NextTimeout;
        }

        Assert.Equal(IceFailureReason.ConnectTimeout, agent.FailureReason);
        Assert.Equal(TimeSpan.FromSeconds(30), now);
    }

    [Fact]
    public void A_candidate_trickled_after_start_is_checked()
    {
        var agent = NewAgent();
        agent.Start(TimeSpan.Zero);
        agent.HandleTimeout(TimeSpan.Zero);
        Assert.Empty(Drain(agent));

        Assert.True(agent.AddRemoteCandidate(IceCandidate.CreateHost(ServerHost, "1")));
        Assert.Equal(TimeSpan.Zero, agent.NextTimeout);
        agent.HandleTimeout(TimeSpan.FromMilliseconds(10));
        Assert.Equal(ServerHost, Assert.Single(Drain(agent)).To);
    }

    [Fact]
    public void A_valid_response_selects_the_pair_and_tells_how_the_peer_sees_us()
    {
        var agent = NewAgent(ServerHost);
        var lite = new IceLiteAgent(Server, Client.Ufrag, TimeSpan.Zero);
        agent.Start(TimeSpan.Zero);
        agent.HandleTimeout(TimeSpan.Zero);
        var check = Assert.Single(Drain(agent));

        var response = new byte[IceLiteAgent.MaxResponseLength];
        Assert.Equal(IceResult.Selected, lite.HandleRequest(TimeSpan.FromMilliseconds(20), check.Bytes, ClientSeen, response, out var length));
        var result = agent.HandleDatagram(TimeSpan.FromMilliseconds(40), response.AsSpan(0, length), ServerHost);

        Assert.Equal(IceResult.Selected, result);
        Assert.Equal(IceState.Connected, agent.State);
        Assert.Equal(ServerHost, agent.SelectedRemote);
        Assert.Equal(ClientSeen, agent.MappedAddress);
        Assert.Equal(ClientSeen, lite.SelectedRemote);
        Assert.Equal((1, 1, 1), (agent.Counters.ChecksSent, agent.Counters.ResponsesAccepted, agent.Counters.Selections));
    }

    [Fact]
    public void A_response_with_the_wrong_key_is_dropped_and_the_check_goes_on()
    {
        var agent = NewAgent(ServerHost);
        agent.Start(TimeSpan.Zero);
        agent.HandleTimeout(TimeSpan.Zero);
        var check = Assert.Single(Drain(agent));

        var forged = Response(check.Bytes, StunMessageClass.SuccessResponse, "wrongPassword01234567890"u8);
        Assert.Equal(IceResult.BadIntegrity, agent.HandleDatagram(TimeSpan.FromMilliseconds(40), forged, ServerHost));
        Assert.Equal(1, agent.Counters.BadIntegrity);

        var genuine = Response(check.Bytes, StunMessageClass.SuccessResponse, Encoding.ASCII.GetBytes(Server.Password));
        Assert.Equal(IceResult.Selected, agent.HandleDatagram(TimeSpan.FromMilliseconds(60), genuine, ServerHost));
    }

    [Fact]
    public void A_response_from_another_address_fails_the_check()
    {
        var agent = NewAgent(ServerHost);
        agent.EndOfRemoteCandidates();
        agent.Start(TimeSpan.Zero);
        agent.HandleTimeout(TimeSpan.Zero);
        var check = Assert.Single(Drain(agent));

        var response = Response(check.Bytes, StunMessageClass.SuccessResponse, Encoding.ASCII.GetBytes(Server.Password));
        Assert.Equal(IceResult.Rejected, agent.HandleDatagram(TimeSpan.FromMilliseconds(40), response, ServerReflexive));

        Assert.Equal(IceState.Failed, agent.State);
        Assert.Equal(IceFailureReason.ChecksFailed, agent.FailureReason);
    }

    [Fact]
    public void Responses_to_no_outstanding_check_are_ignored()
    {
        var agent = NewAgent(ServerHost);
        agent.Start(TimeSpan.Zero);

        Assert.Equal(IceResult.Ignored, agent.HandleDatagram(TimeSpan.Zero, Rfc5769Vectors.SampleIPv4Response, ServerHost));
        Assert.Equal(IceResult.Malformed, agent.HandleDatagram(TimeSpan.Zero, [0, 1, 0, 0], ServerHost));
        Assert.Equal(1, agent.Counters.Ignored);
        Assert.Equal(1, agent.Counters.Malformed);
    }

    [Fact]
    public void A_487_response_switches_to_controlled_and_the_peer_nominates()
    {
        var agent = NewAgent(ServerHost);
        agent.Start(TimeSpan.Zero);
        agent.HandleTimeout(TimeSpan.Zero);
        var first = Assert.Single(Drain(agent));

        var conflict = Response(first.Bytes, StunMessageClass.ErrorResponse, Encoding.ASCII.GetBytes(Server.Password), errorCode: 487);
        Assert.Equal(IceResult.RoleConflict, agent.HandleDatagram(TimeSpan.FromMilliseconds(30), conflict, ServerHost));
        Assert.Equal(IceRole.Controlled, agent.Role);

        agent.HandleTimeout(TimeSpan.FromMilliseconds(50));
        var retry = Assert.Single(Drain(agent));
        Assert.True(StunMessageReader.TryParse(retry.Bytes, out var retried));
        Assert.True(retried.TryGetIceControlled(out _));
        Assert.False(retried.HasUseCandidate);

        var success = Response(retry.Bytes, StunMessageClass.SuccessResponse, Encoding.ASCII.GetBytes(Server.Password));
        Assert.Equal(IceResult.ResponseAccepted, agent.HandleDatagram(TimeSpan.FromMilliseconds(80), success, ServerHost));
        Assert.Null(agent.SelectedRemote);

        var nomination = TestChecks.Request($"{Client.Ufrag}:{Server.Ufrag}", Client.Password, useCandidate: true, tieBreaker: ulong.MaxValue);
        Assert.Equal(IceResult.Selected, agent.HandleDatagram(TimeSpan.FromMilliseconds(100), nomination, ServerHost));
        Assert.Equal(ServerHost, agent.SelectedRemote);
        Assert.Equal((1, 1, 1, 1), (agent.Counters.RoleConflicts, agent.Counters.ResponsesAccepted, agent.Counters.Answered, agent.Counters.Selections));
    }

    [Fact]
    public void A_full_peers_check_is_answered_and_triggers_a_check_back()
    {
        var agent = NewAgent(ServerHost);
        agent.Start(TimeSpan.Zero);
        agent.HandleTimeout(TimeSpan.Zero);
        Drain(agent);
        var peerReflexive = IPEndPoint.Parse("192.0.2.99:6000");

        var request = TestChecks.Request($"{Client.Ufrag}:{Server.Ufrag}", Client.Password, controlled: true);
        Assert.Equal(IceResult.Answered, agent.HandleDatagram(TimeSpan.FromMilliseconds(10), request, peerReflexive));

        var answer = Assert.Single(Drain(agent));
        Assert.Equal(peerReflexive, answer.To);
        Assert.True(StunMessageReader.TryParse(answer.Bytes, out var response));
        Assert.Equal(StunMessageType.BindingSuccessResponse, response.MessageType);
        Assert.True(response.TryGetXorMappedAddress(out var mapped));
        Assert.Equal(peerReflexive, mapped);
        Assert.True(response.VerifyMessageIntegrity(Encoding.ASCII.GetBytes(Client.Password)));

        agent.HandleTimeout(TimeSpan.FromMilliseconds(50));
        Assert.Equal(peerReflexive, Assert.Single(Drain(agent)).To);
    }

    [Fact]
    public void A_peers_check_with_bad_credentials_gets_nothing()
    {
        var agent = NewAgent(ServerHost);
        var request = TestChecks.Request($"{Client.Ufrag}:{Server.Ufrag}", Server.Password, controlled: true);

        Assert.Equal(IceResult.BadIntegrity, agent.HandleDatagram(TimeSpan.Zero, request, ServerHost));
        Assert.Empty(Drain(agent));
    }

    [Fact]
    public void A_controlling_peer_with_a_smaller_tie_breaker_gets_487()
    {
        var agent = NewAgent(ServerHost);
        var request = TestChecks.Request($"{Client.Ufrag}:{Server.Ufrag}", Client.Password, tieBreaker: 0);

        Assert.Equal(IceResult.RoleConflict, agent.HandleDatagram(TimeSpan.Zero, request, ServerHost));

        Assert.Equal(IceRole.Controlling, agent.Role);
        Assert.True(StunMessageReader.TryParse(Assert.Single(Drain(agent)).Bytes, out var response));
        Assert.True(response.TryGetErrorCode(out var code, out _));
        Assert.Equal(487, code);
    }

    [Fact]
    public void A_controlling_peer_with_a_larger_tie_breaker_takes_the_role()
    {
        var agent = NewAgent(ServerHost);
        var request = TestChecks.Request($"{Client.Ufrag}:{Server.Ufrag}", Client.Password, tieBreaker: ulong.MaxValue);

        Assert.Equal(IceResult.Answered, agent.HandleDatagram(TimeSpan.Zero, request, ServerHost));

        Assert.Equal(IceRole.Controlled, agent.Role);
        Assert.True(StunMessageReader.TryParse(Assert.Single(Drain(agent)).Bytes, out var response));
        Assert.Equal(StunMessageType.BindingSuccessResponse, response.MessageType);
    }

    [Fact]
    public void Consent_checks_follow_every_four_to_six_seconds_and_responses_keep_consent()
    {
        var (agent, lite, connectedAt) = Connect();
        var response = new byte[IceLiteAgent.MaxResponseLength];
        var now = connectedAt;
        var transactionIds = new HashSet<StunTransactionId>();

        for (var i = 0; i < 20; i++)
        {
            var previous = now;
            now = agent.NextTimeout;
            Assert.InRange(now - previous, TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(6));
            agent.HandleTimeout(now);
            var check = Assert.Single(Drain(agent));
            Assert.Equal(ServerHost, check.To);
            Assert.True(StunMessageReader.TryParse(check.Bytes, out var parsed));
            Assert.True(transactionIds.Add(parsed.TransactionId));

            lite.HandleRequest(now, check.Bytes, ClientSeen, response, out var length);
            Assert.Equal(IceResult.ResponseAccepted, agent.HandleDatagram(now, response.AsSpan(0, length), ServerHost));
        }
        Assert.Equal(IceState.Connected, agent.State);
        Assert.Equal(IceState.Connected, lite.State);
    }

    [Fact]
    public void Consent_expires_thirty_seconds_after_the_last_response()
    {
        var (agent, _, connectedAt) = Connect();

        var now = connectedAt;
        var checks = 0;
        while (agent.State == IceState.Connected)
        {
            now = agent.NextTimeout;
            agent.HandleTimeout(now);
            checks += Drain(agent).Count;
        }

        Assert.Equal(IceFailureReason.ConsentExpired, agent.FailureReason);
        Assert.Equal(connectedAt + TimeSpan.FromSeconds(30), now);
        Assert.InRange(checks, 5, 7);
        Assert.Null(agent.SelectedRemote);
        Assert.Equal(TimeSpan.MaxValue, agent.NextTimeout);
    }

    [Fact]
    public void Unusable_candidates_are_not_paired()
    {
        var agent = NewAgent(ServerHost);

        Assert.False(agent.AddRemoteCandidate(IceCandidate.CreateHost(ServerHost, "9")));
        Assert.False(agent.AddRemoteCandidate(IceCandidate.CreateHost(ServerHost, "1") with { EndPoint = ServerReflexive, Protocol = IceTransportProtocol.Tcp }));
        Assert.False(agent.AddRemoteCandidate(IceCandidate.CreateHost(ServerReflexive, "1") with { Component = 2 }));
        Assert.False(agent.AddRemoteCandidate(IceCandidate.CreateHost(IPEndPoint.Parse("192.0.2.2:0"), "1")));
        Assert.True(agent.AddRemoteCandidate(IceCandidate.CreateHost(ServerReflexive, "2")));
    }

    [Fact]
    public void A_too_small_transmit_buffer_is_a_caller_error()
    {
        var agent = NewAgent(ServerHost);

        Assert.Throws<ArgumentException>(() => agent.TryPollTransmit(new byte[IceControllingAgent.MaxDatagramLength - 1], out _, out _));
    }

    private static IceControllingAgent NewAgent(params IPEndPoint[] candidates)
    {
        var agent = new IceControllingAgent(Client, Server, random: new Random(1));
        for (var i = 0; i < candidates.Length; i++)
        {
            agent.AddRemoteCandidate(IceCandidate.CreateHost(candidates[i], (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), 65535 - i));
        }
        return agent;
    }

    private static (IceControllingAgent Agent, IceLiteAgent Lite, TimeSpan ConnectedAt) Connect()
    {
        var agent = NewAgent(ServerHost);
        var lite = new IceLiteAgent(Server, Client.Ufrag, TimeSpan.Zero);
        agent.Start(TimeSpan.Zero);
        agent.HandleTimeout(TimeSpan.Zero);
        var response = new byte[IceLiteAgent.MaxResponseLength];
        lite.HandleRequest(TimeSpan.FromMilliseconds(20), Assert.Single(Drain(agent)).Bytes, ClientSeen, response, out var length);
        var connectedAt = TimeSpan.FromMilliseconds(40);
        Assert.Equal(IceResult.Selected, agent.HandleDatagram(connectedAt, response.AsSpan(0, length), ServerHost));
        return (agent, lite, connectedAt);
    }

    private static List<(byte[] Bytes, IPEndPoint To)> Drain(IceControllingAgent agent)
    {
        var sent = new List<(byte[], IPEndPoint)>();
        var buffer = new byte[IceControllingAgent.MaxDatagramLength];
        while (agent.TryPollTransmit(buffer, out var length, out var to))
        {
            sent.Add((buffer[..length], to));
        }
        return sent;
    }

    private static byte[] Response(byte[] request, StunMessageClass messageClass, ReadOnlySpan<byte> key, int errorCode = 0)
    {
        Assert.True(StunMessageReader.TryParse(request, out var parsed));
        var buffer = new byte[128];
        var writer = new StunMessageWriter(buffer, StunMethod.Binding, messageClass, parsed.TransactionId);
        if (errorCode != 0)
        {
            writer.AddErrorCode(errorCode, StunErrorCodes.GetReason(errorCode));
        }
        else
        {
            writer.AddXorMappedAddress(ClientSeen);
        }
        writer.AddMessageIntegrity(key);
        writer.AddFingerprint();
        Assert.True(writer.TryComplete(out var length));
        return buffer[..length];
    }
}
