using System.Net;
using Mcu.Dtls;
using Mcu.Sdp;
using Mcu.WebRtc;
using IceCredentials = Mcu.Stun.Ice.IceCredentials;

namespace Mcu.Transport;

/// <summary>
/// Our own WebRTC client (full ICE, controlling; DTLS client): the tests, the bot and the load
/// tools dial in with it. Signalling is the caller's: it gets our offer and returns the answer
/// (e.g. a WHIP POST).
/// </summary>
public sealed class WebRtcClient : IAsyncDisposable
{
    private readonly UdpMediaPort _port;

    private WebRtcClient(UdpMediaPort port, PeerConnection connection, NegotiatedSession negotiated)
    {
        _port = port;
        Connection = connection;
        Negotiated = negotiated;
    }

    public PeerConnection Connection { get; }

    /// <summary>What the answer settled: payload types, extension ids, the server's SSRCs.</summary>
    public NegotiatedSession Negotiated { get; }

    /// <summary>
    /// Offers, lets <paramref name="signal"/> carry the offer to the server and bring back the
    /// answer, then connects. Completes once ICE checks have started; await
    /// <see cref="PeerConnection.Connected"/> for DTLS-SRTP.
    /// </summary>
    public static async Task<WebRtcClient> StartAsync(
        WebRtcClientOptions options,
        Func<string, CancellationToken, Task<string>> signal,
        IPeerSessionObserver observer,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(signal);
        var portOptions = new MediaPortOptions { Port = 0 };
        portOptions.BindAddresses.Add(options.BindAddress);
        var port = new UdpMediaPort(portOptions, StunUfragReader.Instance);
        try
        {
            var certificate = DtlsCertificate.Generate(DateTimeOffset.UtcNow);
            var ice = IceCredentials.Generate();
            var local = port.LocalEndPoints[0];
            var offerer = new SdpOfferer(new SdpOfferOptions
            {
                Transport = new LocalTransport
                {
                    IceUfrag = ice.Ufrag,
                    IcePwd = ice.Password,
                    Fingerprint = new Sdp.DtlsFingerprint(certificate.Fingerprint.Algorithm, certificate.Fingerprint.Value),
                    Candidates = [Sdp.IceCandidate.Host("1", local.Address.ToString(), local.Port)],
                },
                AudioTrack = options.AudioTrack,
                VideoTrack = options.VideoTrack,
                ReceiveAudio = options.ReceiveAudio,
                ReceiveVideo = options.ReceiveVideo,
            });
            var answer = await signal(offerer.Sdp, cancellationToken).ConfigureAwait(false);
            var negotiated = offerer.AcceptAnswer(answer);
            var connection = await PeerConnection.ConnectAsync(port, ice, negotiated, certificate, observer, options.Session).ConfigureAwait(false);
            return new WebRtcClient(port, connection, negotiated);
        }
        catch
        {
            port.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await Connection.CloseAsync("client disposed").WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // The loop is stuck or gone; the port is torn down regardless.
        }
        _port.Dispose();
    }
}
