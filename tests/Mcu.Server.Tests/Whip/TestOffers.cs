using System.Security.Cryptography;
using Mcu.Sdp;
using IceCredentials = Mcu.Stun.Ice.IceCredentials;

namespace Mcu.Server.Tests.Whip;

/// <summary>SDP offers from our own offerer for signalling tests, where no media is ever exchanged.</summary>
internal static class TestOffers
{
    public static (string Sdp, IceCredentials Ice) Create(bool sendAudio = true, bool sendVideo = true, bool receive = true)
    {
        var ice = IceCredentials.Generate();
        var offerer = new SdpOfferer(new SdpOfferOptions
        {
            Transport = new LocalTransport
            {
                IceUfrag = ice.Ufrag,
                IcePwd = ice.Password,
                Fingerprint = new DtlsFingerprint("sha-256", RandomNumberGenerator.GetBytes(32)),
                Candidates = [IceCandidate.Host("1", "127.0.0.1", 9)],
            },
            AudioTrack = sendAudio ? new LocalTrack(1111, "test", "s", "a") : null,
            VideoTrack = sendVideo ? new LocalTrack(2222, "test", "s", "v") { RtxSsrc = 2223 } : null,
            ReceiveAudio = receive,
            ReceiveVideo = receive,
        });
        return (offerer.Sdp, ice);
    }

    public static string SendReceive() => Create().Sdp;

    public static string SendOnly() => Create(receive: false).Sdp;

    public static string ReceiveOnly() => Create(sendAudio: false, sendVideo: false).Sdp;
}
