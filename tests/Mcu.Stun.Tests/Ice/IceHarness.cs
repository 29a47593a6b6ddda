using System.Net;
using Mcu.Stun.Ice;

using Mcu.Testing.Network;

namespace Mcu.Stun.Tests.Ice;

/// <summary>
/// Runs an <see cref="IceControllingAgent"/> (client, optionally behind a NAT) against an
/// <see cref="IceLiteAgent"/> (server reachable at several addresses, as one socket bound to
/// all interfaces would be) through a <see cref="VirtualNetwork"/>, in virtual time.
/// </summary>
internal sealed class IceHarness
{
    private readonly byte[] _clientBuffer = new byte[IceControllingAgent.MaxDatagramLength];
    private readonly byte[] _serverBuffer = new byte[IceLiteAgent.MaxResponseLength];
    private readonly HashSet<IPEndPoint> _serverAddresses;

    public IceHarness(VirtualNetwork network, IPEndPoint clientLocal, IPEndPoint[] serverAddresses, IPEndPoint[] signalledServerCandidates, int seed)
    {
        Network = network;
        ClientLocal = clientLocal;
        _serverAddresses = [.. serverAddresses];
        var clientCredentials = IceCredentials.Generate();
        var serverCredentials = IceCredentials.Generate();
        Server = new IceLiteAgent(serverCredentials, clientCredentials.Ufrag, TimeSpan.Zero);
        Client = new IceControllingAgent(clientCredentials, serverCredentials, random: new Random(seed));
        for (var i = 0; i < signalledServerCandidates.Length; i++)
        {
            Client.AddRemoteCandidate(IceCandidate.CreateHost(signalledServerCandidates[i], $"s{i}", 65535 - i));
        }
        Client.EndOfRemoteCandidates();
    }

    public VirtualNetwork Network { get; }

    public IceControllingAgent Client { get; }

    public IceLiteAgent Server { get; }

    public IPEndPoint ClientLocal { get; }

    public TimeSpan Now { get; private set; }

    /// <summary>False simulates a dead server: datagrams to it are swallowed.</summary>
    public bool ServerAnswers { get; set; } = true;

    /// <summary>False simulates a client that vanished: it neither sends nor receives.</summary>
    public bool ClientAlive { get; set; } = true;

    /// <summary>When the client last accepted a response.</summary>
    public TimeSpan ClientLastAccepted { get; private set; }

    /// <summary>When the lite side last answered a check.</summary>
    public TimeSpan ServerLastAnswered { get; private set; }

    /// <summary>True if either side was ever seen Failed.</summary>
    public bool AnyFailure { get; private set; }

    /// <summary>Advances virtual time event by event until <paramref name="done"/> or <paramref name="until"/>.</summary>
    public bool RunUntil(Func<bool> done, TimeSpan until)
    {
        for (var step = 0; step < 200_000; step++)
        {
            FlushClient();
            AnyFailure |= Client.State == IceState.Failed || Server.State == IceState.Failed;
            if (done())
            {
                return true;
            }
            var clientTimeout = ClientAlive ? Client.NextTimeout : TimeSpan.MaxValue;
            var next = Min(Min(clientTimeout, Server.NextTimeout), Network.NextDelivery);
            if (next > until)
            {
                Now = until;
                return done();
            }
            if (next > Now)
            {
                Now = next;
            }
            while (Network.TryDeliver(Now, out var datagram))
            {
                Deliver(datagram);
            }
            if (clientTimeout <= Now)
            {
                Client.HandleTimeout(Now);
            }
            if (Server.NextTimeout <= Now)
            {
                Server.HandleTimeout(Now);
            }
        }
        throw new InvalidOperationException("The agents made no progress in virtual time.");
    }

    public void Start() => Client.Start(Now);

    private void Deliver(VirtualDatagram datagram)
    {
        if (_serverAddresses.Contains(datagram.To))
        {
            if (!ServerAnswers)
            {
                return;
            }
            Server.HandleRequest(Now, datagram.Payload, datagram.From, _serverBuffer, out var length);
            if (length > 0)
            {
                ServerLastAnswered = Now;
                Network.Send(Now, datagram.To, datagram.From, _serverBuffer.AsSpan(0, length));
            }
        }
        else if (datagram.To.Equals(ClientLocal) && ClientAlive)
        {
            var result = Client.HandleDatagram(Now, datagram.Payload, datagram.From);
            if (result is IceResult.ResponseAccepted or IceResult.Selected)
            {
                ClientLastAccepted = Now;
            }
        }
    }

    private void FlushClient()
    {
        while (ClientAlive && Client.TryPollTransmit(_clientBuffer, out var length, out var to))
        {
            Network.Send(Now, ClientLocal, to, _clientBuffer.AsSpan(0, length));
        }
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
