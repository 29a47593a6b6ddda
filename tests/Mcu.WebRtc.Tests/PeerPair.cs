using System.Net;
using Mcu.Dtls;
using Mcu.Sdp;
using Mcu.Testing.Network;
using IceCredentials = Mcu.Stun.Ice.IceCredentials;

namespace Mcu.WebRtc.Tests;

/// <summary>
/// Our client (full ICE, controlling, DTLS client) and our server (ICE-lite, DTLS server),
/// negotiated through our own offerer and answerer, joined by a virtual network.
/// </summary>
internal sealed class PeerPair
{
    public static readonly IPEndPoint ServerAddress = IPEndPoint.Parse("10.0.0.1:50000");
    public static readonly IPEndPoint ClientAddress = IPEndPoint.Parse("10.0.0.2:40000");
    private static readonly DtlsCertificate ServerCertificate = DtlsCertificate.Generate(DateTimeOffset.UtcNow);
    private static readonly DtlsCertificate ClientCertificate = DtlsCertificate.Generate(DateTimeOffset.UtcNow);
    private static readonly DtlsCertificate Impostor = DtlsCertificate.Generate(DateTimeOffset.UtcNow);

    public PeerPair(int seed = 1, double loss = 0, double duplicate = 0, TimeSpan? maxDelay = null,
        PeerSessionOptions? clientOptions = null, bool clientLiesAboutFingerprint = false)
    {
        Network = new VirtualNetwork(seed)
        {
            LossRate = loss,
            DuplicateRate = duplicate,
            MinDelay = TimeSpan.FromMilliseconds(5),
            MaxDelay = maxDelay ?? TimeSpan.FromMilliseconds(5),
        };
        Server = new VirtualPeer(Network, ServerAddress, () => Now);
        Client = new VirtualPeer(Network, ClientAddress, () => Now);

        var serverIce = IceCredentials.Generate();
        var clientIce = IceCredentials.Generate();
        var offerer = new SdpOfferer(new SdpOfferOptions
        {
            Transport = new LocalTransport
            {
                IceUfrag = clientIce.Ufrag,
                IcePwd = clientIce.Password,
                Fingerprint = Fingerprint(clientLiesAboutFingerprint ? Impostor : ClientCertificate),
                Candidates = [Mcu.Sdp.IceCandidate.Host("1", ClientAddress.Address.ToString(), ClientAddress.Port)],
            },
            AudioTrack = new LocalTrack(1111, "client", "s", "a"),
            VideoTrack = new LocalTrack(2222, "client", "s", "v") { RtxSsrc = 2223 },
        });
        var answer = new SdpAnswerer(new SdpAnswerOptions
        {
            Transport = new LocalTransport
            {
                IceUfrag = serverIce.Ufrag,
                IcePwd = serverIce.Password,
                Fingerprint = Fingerprint(ServerCertificate),
                Candidates = [Mcu.Sdp.IceCandidate.Host("1", ServerAddress.Address.ToString(), ServerAddress.Port)],
            },
            AudioTracks = [new LocalTrack(3333, "mcu", "m", "a")],
            VideoTracks = [new LocalTrack(4444, "mcu", "m", "v") { RtxSsrc = 4445 }],
        }).CreateAnswer(offerer.Sdp);

        Server.Session = PeerSession.CreateLite(serverIce, answer.Session, ServerCertificate, Server, Server, Now);
        Client.Session = PeerSession.CreateControlling(clientIce, offerer.AcceptAnswer(answer.Sdp), ClientCertificate, Client, Client, Now, clientOptions);
    }

    public VirtualNetwork Network { get; }

    public VirtualPeer Server { get; }

    public VirtualPeer Client { get; }

    public TimeSpan Now { get; private set; }

    /// <summary>When false, datagrams from the client to the server vanish (the client walked away).</summary>
    public bool ClientReachesServer { get; set; } = true;

    public static Mcu.Sdp.DtlsFingerprint Fingerprint(DtlsCertificate certificate) =>
        new(certificate.Fingerprint.Algorithm, certificate.Fingerprint.Value);

    public bool BothConnected => Server.Session.State == PeerState.Connected && Client.Session.State == PeerState.Connected;

    public void Start() => Client.Session.Start(Now);

    /// <summary>Runs virtual time until <paramref name="until"/> holds or <paramref name="limit"/> passes.</summary>
    public bool RunUntil(Func<bool> until, TimeSpan limit)
    {
        var end = Now + limit;
        while (!until())
        {
            var next = Earliest(Network.NextDelivery, Server.Session.NextTimeout, Client.Session.NextTimeout);
            if (next > end)
            {
                Now = end;
                return until();
            }
            Now = next > Now ? next : Now;
            while (Network.TryDeliver(Now, out var datagram))
            {
                var to = datagram.To.Equals(ServerAddress) ? Server : Client;
                if (to == Server && !ClientReachesServer)
                {
                    continue;
                }
                to.Session.HandleDatagram(Now, datagram.Payload, datagram.From.Serialize());
            }
            foreach (var peer in new[] { Server, Client })
            {
                if (peer.Session.NextTimeout <= Now)
                {
                    peer.Session.HandleTimeout(Now);
                }
            }
        }
        return true;
    }

    /// <summary>Runs virtual time for <paramref name="duration"/>.</summary>
    public void Run(TimeSpan duration) => RunUntil(() => false, duration);

    private static TimeSpan Earliest(TimeSpan a, TimeSpan b, TimeSpan c) =>
        a < b ? (a < c ? a : c) : (b < c ? b : c);
}
