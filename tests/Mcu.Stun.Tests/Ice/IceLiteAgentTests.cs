using System.Net;
using System.Net.Sockets;
using Mcu.Stun.Ice;

namespace Mcu.Stun.Tests.Ice;

public class IceLiteAgentTests
{
    private static readonly IceCredentials Local = new("srvA", "serverPassword0123456789");
    private static readonly IceCredentials Peer = new("brws", "browserPassword0123456789");
    private static readonly IPEndPoint Browser = IPEndPoint.Parse("192.0.2.10:50000");
    private static readonly IPEndPoint OtherBrowserAddress = IPEndPoint.Parse("198.51.100.20:40000");

    private readonly byte[] _response = new byte[IceLiteAgent.MaxResponseLength];

    [Fact]
    public void A_valid_check_is_answered_with_an_authenticated_response()
    {
        var agent = new IceLiteAgent(Local, Peer.Ufrag, TimeSpan.Zero);
        var check = TestChecks.To(Local, Peer);

        var result = agent.HandleRequest(TimeSpan.FromSeconds(1), check, Browser, _response, out var length);

        Assert.Equal(IceResult.Answered, result);
        Assert.True(StunMessageReader.TryParse(_response.AsSpan(0, length), out var response));
        Assert.Equal(StunMessageType.BindingSuccessResponse, response.MessageType);
        Assert.True(StunMessageReader.TryParse(check, out var request));
        Assert.Equal(request.TransactionId, response.TransactionId);
        Assert.True(response.TryGetXorMappedAddress(out var mapped));
        Assert.Equal(Browser, mapped);
        Assert.True(response.VerifyMessageIntegrity("serverPassword0123456789"u8));
        Assert.True(response.VerifyFingerprint());
        Assert.Equal(1, agent.Counters.Answered);
    }

    [Fact]
    public void Before_nomination_nothing_is_selected_but_the_source_is_remembered()
    {
        var agent = new IceLiteAgent(Local, Peer.Ufrag, TimeSpan.Zero);

        agent.HandleRequest(TimeSpan.FromSeconds(1), TestChecks.To(Local, Peer), Browser, _response, out _);

        Assert.Equal(IceState.Checking, agent.State);
        Assert.Null(agent.SelectedRemote);
        Assert.Equal(Browser, agent.LastValidatedRemote);
    }

    [Fact]
    public void Nomination_selects_the_source_address()
    {
        var agent = new IceLiteAgent(Local, Peer.Ufrag, TimeSpan.Zero);

        var result = agent.HandleRequest(TimeSpan.FromSeconds(1), TestChecks.To(Local, Peer, useCandidate: true), Browser, _response, out var length);

        Assert.Equal(IceResult.Selected, result);
        Assert.True(length > 0);
        Assert.Equal(IceState.Connected, agent.State);
        Assert.Equal(Browser, agent.SelectedRemote);
        Assert.Equal(Browser.Serialize(), agent.SelectedRemoteAddress);
        Assert.Equal(1, agent.Counters.Selections);
    }

    [Fact]
    public void Any_source_with_valid_credentials_is_accepted_as_peer_reflexive()
    {
        var agent = new IceLiteAgent(Local, Peer.Ufrag, TimeSpan.Zero);

        Assert.Equal(IceResult.Answered, agent.HandleRequest(TimeSpan.Zero, TestChecks.To(Local, Peer), Browser, _response, out _));
        Assert.Equal(IceResult.Selected, agent.HandleRequest(TimeSpan.Zero, TestChecks.To(Local, Peer, useCandidate: true), OtherBrowserAddress, _response, out var length));

        Assert.True(StunMessageReader.TryParse(_response.AsSpan(0, length), out var response));
        Assert.True(response.TryGetXorMappedAddress(out var mapped));
        Assert.Equal(OtherBrowserAddress, mapped);
        Assert.Equal(OtherBrowserAddress, agent.SelectedRemote);
    }

    [Fact]
    public void A_later_nominated_check_from_a_new_address_switches_media_there()
    {
        var agent = new IceLiteAgent(Local, Peer.Ufrag, TimeSpan.Zero);
        agent.HandleRequest(TimeSpan.Zero, TestChecks.To(Local, Peer, useCandidate: true), Browser, _response, out _);

        var plain = agent.HandleRequest(TimeSpan.FromSeconds(1), TestChecks.To(Local, Peer), OtherBrowserAddress, _response, out _);
        Assert.Equal(IceResult.Answered, plain);
        Assert.Equal(Browser, agent.SelectedRemote);

        var nominated = agent.HandleRequest(TimeSpan.FromSeconds(2), TestChecks.To(Local, Peer, useCandidate: true), OtherBrowserAddress, _response, out _);
        Assert.Equal(IceResult.Selected, nominated);
        Assert.Equal(OtherBrowserAddress, agent.SelectedRemote);
        Assert.Equal(2, agent.Counters.Selections);
    }

    [Fact]
    public void A_wrong_password_gets_no_response()
    {
        var agent = new IceLiteAgent(Local, Peer.Ufrag, TimeSpan.Zero);
        var check = TestChecks.Request($"{Local.Ufrag}:{Peer.Ufrag}", "notTheServerPassword0123", useCandidate: true);

        var result = agent.HandleRequest(TimeSpan.Zero, check, Browser, _response, out var length);

        Assert.Equal(IceResult.BadIntegrity, result);
        Assert.Equal(0, length);
        Assert.Equal(1, agent.Counters.BadIntegrity);
        Assert.Null(agent.LastValidatedRemote);
        Assert.Equal(IceState.New, agent.State);
    }

    [Fact]
    public void A_check_without_message_integrity_gets_no_response()
    {
        var agent = new IceLiteAgent(Local, Peer.Ufrag, TimeSpan.Zero);
        var buffer = new byte[128];
        var writer = new StunMessageWriter(buffer, StunMethod.Binding, StunMessageClass.Request, StunTransactionId.CreateRandom());
        writer.AddUsername("srvA:brws"u8);
        writer.AddFingerprint();
        Assert.True(writer.TryComplete(out var checkLength));

        var result = agent.HandleRequest(TimeSpan.Zero, buffer.AsSpan(0, checkLength), Browser, _response, out var length);

        Assert.Equal(IceResult.BadIntegrity, result);
        Assert.Equal(0, length);
    }

    [Theory]
    [InlineData("xxxx:brws")] // not our ufrag
    [InlineData("srvA:zzzz")] // not the peer's ufrag
    [InlineData("srvA")] // no colon
    [InlineData("srvA:")] // empty sender
    public void A_foreign_username_gets_no_response(string username)
    {
        var agent = new IceLiteAgent(Local, Peer.Ufrag, TimeSpan.Zero);

        var result = agent.HandleRequest(TimeSpan.Zero, TestChecks.Request(username, Local.Password), Browser, _response, out var length);

        Assert.Equal(IceResult.UnknownUser, result);
        Assert.Equal(0, length);
        Assert.Equal(1, agent.Counters.UnknownUser);
    }

    [Fact]
    public void An_unknown_remote_ufrag_accepts_any_sender_until_it_is_set()
    {
        var agent = new IceLiteAgent(Local, remoteUfrag: null, TimeSpan.Zero);

        Assert.Equal(IceResult.Answered, agent.HandleRequest(TimeSpan.Zero, TestChecks.Request("srvA:anyone", Local.Password), Browser, _response, out _));

        agent.SetRemoteUfrag(Peer.Ufrag);
        Assert.Equal(IceResult.UnknownUser, agent.HandleRequest(TimeSpan.Zero, TestChecks.Request("srvA:anyone", Local.Password), Browser, _response, out _));
        Assert.Equal(IceResult.Answered, agent.HandleRequest(TimeSpan.Zero, TestChecks.To(Local, Peer), Browser, _response, out _));
    }

    [Fact]
    public void A_bad_fingerprint_gets_no_response()
    {
        var agent = new IceLiteAgent(Local, Peer.Ufrag, TimeSpan.Zero);
        var check = TestChecks.To(Local, Peer, useCandidate: true);
        check[^1] ^= 0xFF;

        var result = agent.HandleRequest(TimeSpan.Zero, check, Browser, _response, out var length);

        Assert.Equal(IceResult.BadFingerprint, result);
        Assert.Equal(0, length);
        Assert.Equal(1, agent.Counters.BadFingerprint);
        Assert.Null(agent.SelectedRemote);
    }

    [Fact]
    public void A_check_without_fingerprint_is_still_answered()
    {
        var agent = new IceLiteAgent(Local, Peer.Ufrag, TimeSpan.Zero);
        var check = TestChecks.Request($"{Local.Ufrag}:{Peer.Ufrag}", Local.Password, fingerprint: false);

        Assert.Equal(IceResult.Answered, agent.HandleRequest(TimeSpan.Zero, check, Browser, _response, out _));
    }

    [Fact]
    public void Truncated_checks_are_counted_as_malformed()
    {
        var agent = new IceLiteAgent(Local, Peer.Ufrag, TimeSpan.Zero);
        var check = TestChecks.To(Local, Peer, useCandidate: true);

        for (var length = 0; length < check.Length; length++)
        {
            var result = agent.HandleRequest(TimeSpan.Zero, check.AsSpan(0, length), Browser, _response, out var responseLength);
            Assert.Equal(IceResult.Malformed, result);
            Assert.Equal(0, responseLength);
        }
        Assert.Equal(check.Length, agent.Counters.Malformed);
        Assert.Null(agent.SelectedRemote);
    }

    [Fact]
    public void Responses_and_indications_are_ignored()
    {
        var agent = new IceLiteAgent(Local, Peer.Ufrag, TimeSpan.Zero);
        var buffer = new byte[64];
        var writer = new StunMessageWriter(buffer, StunMethod.Binding, StunMessageClass.Indication, StunTransactionId.CreateRandom());
        writer.AddFingerprint();
        Assert.True(writer.TryComplete(out var indicationLength));

        Assert.Equal(IceResult.Ignored, agent.HandleRequest(TimeSpan.Zero, buffer.AsSpan(0, indicationLength), Browser, _response, out var length));
        Assert.Equal(IceResult.Ignored, agent.HandleRequest(TimeSpan.Zero, Rfc5769Vectors.SampleIPv4Response, Browser, _response, out _));
        Assert.Equal(0, length);
        Assert.Equal(2, agent.Counters.Ignored);
    }

    [Fact]
    public void A_peer_claiming_the_controlled_role_gets_487()
    {
        var agent = new IceLiteAgent(Local, Peer.Ufrag, TimeSpan.Zero);
        var check = TestChecks.Request($"{Local.Ufrag}:{Peer.Ufrag}", Local.Password, useCandidate: true, controlled: true);

        var result = agent.HandleRequest(TimeSpan.Zero, check, Browser, _response, out var length);

        Assert.Equal(IceResult.RoleConflict, result);
        Assert.True(StunMessageReader.TryParse(_response.AsSpan(0, length), out var response));
        Assert.Equal(StunMessageType.BindingErrorResponse, response.MessageType);
        Assert.True(response.TryGetErrorCode(out var code, out _));
        Assert.Equal(487, code);
        Assert.True(response.VerifyMessageIntegrity("serverPassword0123456789"u8));
        Assert.Null(agent.SelectedRemote);
        Assert.Equal(1, agent.Counters.RoleConflicts);
    }

    [Fact]
    public void Unknown_comprehension_required_attributes_get_420_listing_them()
    {
        var agent = new IceLiteAgent(Local, Peer.Ufrag, TimeSpan.Zero);
        var check = TestChecks.Request($"{Local.Ufrag}:{Peer.Ufrag}", Local.Password, extraAttribute: 0x0003);

        var result = agent.HandleRequest(TimeSpan.Zero, check, Browser, _response, out var length);

        Assert.Equal(IceResult.UnknownAttributes, result);
        Assert.True(StunMessageReader.TryParse(_response.AsSpan(0, length), out var response));
        Assert.True(response.TryGetErrorCode(out var code, out _));
        Assert.Equal(420, code);
        Assert.True(response.TryGetAttribute(StunAttributeType.UnknownAttributes, out var unknown));
        Assert.Equal(new byte[] { 0x00, 0x03 }, unknown.ToArray());
        Assert.Equal(1, agent.Counters.UnknownAttributes);
    }

    [Fact]
    public void Unknown_comprehension_optional_attributes_are_fine()
    {
        var agent = new IceLiteAgent(Local, Peer.Ufrag, TimeSpan.Zero);
        var check = TestChecks.Request($"{Local.Ufrag}:{Peer.Ufrag}", Local.Password, extraAttribute: 0xC057);

        Assert.Equal(IceResult.Answered, agent.HandleRequest(TimeSpan.Zero, check, Browser, _response, out _));
    }

    [Fact]
    public void Consent_expires_thirty_seconds_after_the_last_check()
    {
        var agent = new IceLiteAgent(Local, Peer.Ufrag, TimeSpan.Zero);
        agent.HandleRequest(TimeSpan.FromSeconds(2), TestChecks.To(Local, Peer, useCandidate: true), Browser, _response, out _);

        Assert.Equal(TimeSpan.FromSeconds(32), agent.NextTimeout);
        agent.HandleTimeout(TimeSpan.FromSeconds(32) - TimeSpan.FromTicks(1));
        Assert.Equal(IceState.Connected, agent.State);

        agent.HandleTimeout(TimeSpan.FromSeconds(32));
        Assert.Equal(IceState.Failed, agent.State);
        Assert.Equal(IceFailureReason.ConsentExpired, agent.FailureReason);
        Assert.Null(agent.SelectedRemote);
        Assert.Null(agent.SelectedRemoteAddress);
        Assert.Equal(TimeSpan.MaxValue, agent.NextTimeout);
    }

    [Fact]
    public void Periodic_checks_keep_consent()
    {
        var agent = new IceLiteAgent(Local, Peer.Ufrag, TimeSpan.Zero);
        agent.HandleRequest(TimeSpan.Zero, TestChecks.To(Local, Peer, useCandidate: true), Browser, _response, out _);

        for (var second = 5; second <= 300; second += 5)
        {
            var now = TimeSpan.FromSeconds(second);
            agent.HandleTimeout(now);
            Assert.Equal(IceResult.Answered, agent.HandleRequest(now, TestChecks.To(Local, Peer), Browser, _response, out _));
            Assert.Equal(now + TimeSpan.FromSeconds(30), agent.NextTimeout);
        }
        Assert.Equal(IceState.Connected, agent.State);
        Assert.Equal(Browser, agent.SelectedRemote);
    }

    [Fact]
    public void Checks_from_another_address_do_not_keep_consent_for_the_selected_one()
    {
        var agent = new IceLiteAgent(Local, Peer.Ufrag, TimeSpan.Zero);
        agent.HandleRequest(TimeSpan.Zero, TestChecks.To(Local, Peer, useCandidate: true), Browser, _response, out _);

        for (var second = 5; second < 30; second += 5)
        {
            agent.HandleRequest(TimeSpan.FromSeconds(second), TestChecks.To(Local, Peer), OtherBrowserAddress, _response, out _);
        }
        agent.HandleTimeout(TimeSpan.FromSeconds(30));

        Assert.Equal(IceState.Failed, agent.State);
        Assert.Equal(IceFailureReason.ConsentExpired, agent.FailureReason);
    }

    [Fact]
    public void Without_nomination_the_agent_fails_after_the_connect_timeout()
    {
        var options = new IceLiteOptions { ConnectTimeout = TimeSpan.FromSeconds(10) };
        var agent = new IceLiteAgent(Local, Peer.Ufrag, TimeSpan.FromSeconds(100), options);
        agent.HandleRequest(TimeSpan.FromSeconds(101), TestChecks.To(Local, Peer), Browser, _response, out _);

        Assert.Equal(TimeSpan.FromSeconds(110), agent.NextTimeout);
        agent.HandleTimeout(TimeSpan.FromSeconds(110));

        Assert.Equal(IceState.Failed, agent.State);
        Assert.Equal(IceFailureReason.ConnectTimeout, agent.FailureReason);
    }

    [Fact]
    public void A_failed_agent_answers_nothing()
    {
        var agent = new IceLiteAgent(Local, Peer.Ufrag, TimeSpan.Zero);
        agent.HandleTimeout(TimeSpan.FromMinutes(1));

        var result = agent.HandleRequest(TimeSpan.FromMinutes(1), TestChecks.To(Local, Peer, useCandidate: true), Browser, _response, out var length);

        Assert.Equal(IceResult.Ignored, result);
        Assert.Equal(0, length);
        Assert.Null(agent.SelectedRemote);
    }

    [Fact]
    public void The_socket_address_overload_copies_the_reused_transport_address()
    {
        var agent = new IceLiteAgent(Local, Peer.Ufrag, TimeSpan.Zero);
        var transportAddress = new SocketAddress(AddressFamily.InterNetwork);
        Browser.Serialize().Buffer.Span.CopyTo(transportAddress.Buffer.Span);

        Assert.Equal(IceResult.Selected, agent.HandleRequest(TimeSpan.Zero, TestChecks.To(Local, Peer, useCandidate: true), transportAddress, _response, out _));
        var selected = agent.SelectedRemote;
        Assert.Equal(Browser, selected);

        // A consent check from the same address reuses the known endpoint instance.
        Assert.Equal(IceResult.Answered, agent.HandleRequest(TimeSpan.FromSeconds(5), TestChecks.To(Local, Peer), transportAddress, _response, out _));
        Assert.Same(selected, agent.SelectedRemote);

        // The transport reuses its SocketAddress for the next datagram: the agent's copy stays.
        OtherBrowserAddress.Serialize().Buffer.Span.CopyTo(transportAddress.Buffer.Span);
        Assert.Equal(Browser, agent.SelectedRemote);
        Assert.Equal(Browser.Serialize(), agent.SelectedRemoteAddress);
    }

    [Fact]
    public void The_socket_address_overload_reports_ipv6_sources()
    {
        var agent = new IceLiteAgent(Local, Peer.Ufrag, TimeSpan.Zero);
        var source = IPEndPoint.Parse("[2001:db8::7]:61000");

        agent.HandleRequest(TimeSpan.Zero, TestChecks.To(Local, Peer, useCandidate: true), source.Serialize(), _response, out var length);

        Assert.Equal(source, agent.SelectedRemote);
        Assert.True(StunMessageReader.TryParse(_response.AsSpan(0, length), out var response));
        Assert.True(response.TryGetXorMappedAddress(out var mapped));
        Assert.Equal(source, mapped);
    }

    [Fact]
    public void Steady_state_consent_checks_allocate_nothing()
    {
        var agent = new IceLiteAgent(Local, Peer.Ufrag, TimeSpan.Zero);
        var source = Browser.Serialize();
        var check = TestChecks.To(Local, Peer, useCandidate: true);
        agent.HandleRequest(TimeSpan.Zero, check, source, _response, out _);
        agent.HandleRequest(TimeSpan.Zero, check, source, _response, out _);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 1; i <= 100; i++)
        {
            agent.HandleRequest(TimeSpan.FromSeconds(i), check, source, _response, out _);
        }
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.Equal(102, agent.Counters.Answered);
    }

    [Fact]
    public void A_too_small_response_buffer_is_a_caller_error()
    {
        var agent = new IceLiteAgent(Local, Peer.Ufrag, TimeSpan.Zero);
        var check = TestChecks.To(Local, Peer);

        Assert.Throws<ArgumentException>(() => agent.HandleRequest(TimeSpan.Zero, check, Browser, new byte[IceLiteAgent.MaxResponseLength - 1], out _));
    }

    [Fact]
    public void Corrupted_checks_are_never_answered_unless_still_authentic()
    {
        var random = new Random(7675);
        var agent = new IceLiteAgent(Local, Peer.Ufrag, TimeSpan.Zero);
        var original = TestChecks.To(Local, Peer, useCandidate: true);
        var answered = 0;
        for (var i = 0; i < 3000; i++)
        {
            var check = (byte[])original.Clone();
            for (var n = random.Next(1, 4); n > 0; n--)
            {
                check[random.Next(check.Length)] ^= (byte)random.Next(1, 256);
            }

            agent.HandleRequest(TimeSpan.Zero, check, Browser, _response, out var length);

            if (length > 0)
            {
                // Only a change MESSAGE-INTEGRITY does not cover (bytes of the trailing
                // FINGERPRINT turned into an ignored attribute) may still be answered.
                answered++;
                Assert.True(StunMessageReader.TryParse(check, out var request));
                Assert.True(request.VerifyMessageIntegrity("serverPassword0123456789"u8));
                Assert.Equal(original.AsSpan(0, original.Length - 8).ToArray()[20..], check.AsSpan(20, original.Length - 28).ToArray());
            }
        }
        Assert.True(answered < 30);
    }
}
