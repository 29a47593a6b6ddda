using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using Mcu.Conference;
using Mcu.Dtls;
using Mcu.Primitives;
using Mcu.Sdp;
using Mcu.Transport;
using Microsoft.Extensions.Options;

namespace Mcu.Server.Media;

/// <summary>
/// The process-wide media plumbing: the shared UDP port, the DTLS certificate (made at start,
/// so a restart rotates it) and the host candidates every answer carries.
/// </summary>
public sealed partial class MediaHost : IMediaEndpoint, IDisposable
{
    public MediaHost(IOptions<MediaOptions> options, ILogger<MediaHost> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = options.Value;
        var portOptions = new MediaPortOptions { Port = settings.Port, LoopCount = settings.NetworkLoops };
        foreach (var text in settings.BindAddresses)
        {
            portOptions.BindAddresses.Add(ParseAddress(text, "Media:BindAddresses"));
        }
        Port = new UdpMediaPort(portOptions, StunUfragReader.Instance);
        Certificate = DtlsCertificate.Generate(DateTimeOffset.UtcNow);
        Fingerprint = new Sdp.DtlsFingerprint(Certificate.Fingerprint.Algorithm, Certificate.Fingerprint.Value);
        Candidates = BuildCandidates(settings, Port);
        var announced = string.Join(", ", Candidates.Select(c => c.Address));
        LogListening(logger, Port.Port, announced);
        if (!ThreadScheduling.CanSetNice(Mcu.Conference.Clock.RoomClock.AudioNice))
        {
            LogNoPriority(logger);
        }
    }

    public UdpMediaPort Port { get; }

    public DtlsCertificate Certificate { get; }

    public Sdp.DtlsFingerprint Fingerprint { get; }

    /// <summary>Host candidates for answers, most preferred first.</summary>
    public IReadOnlyList<Sdp.IceCandidate> Candidates { get; }

    public void Dispose() => Port.Dispose();

    private static List<Sdp.IceCandidate> BuildCandidates(MediaOptions settings, UdpMediaPort port)
    {
        List<IPAddress> addresses;
        if (settings.AnnouncedAddresses.Count > 0)
        {
            addresses = settings.AnnouncedAddresses.Select(a => ParseAddress(a, "Media:AnnouncedAddresses")).ToList();
        }
        else
        {
            addresses = [];
            foreach (var bound in port.LocalEndPoints)
            {
                if (bound.Address.Equals(IPAddress.Any) || bound.Address.Equals(IPAddress.IPv6Any))
                {
                    addresses.AddRange(InterfaceAddresses(bound.AddressFamily));
                }
                else
                {
                    addresses.Add(bound.Address);
                }
            }
        }
        var candidates = new List<Sdp.IceCandidate>();
        for (var i = 0; i < addresses.Count; i++)
        {
            // Distinct local preferences keep priorities distinct (RFC 8445 5.1.2.1).
            var priority = Stun.Ice.IceCandidate.ComputePriority(Stun.Ice.IceCandidateType.Host, 65535 - i, 1);
            candidates.Add(Sdp.IceCandidate.Host((i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), addresses[i].ToString(), port.Port, priority));
        }
        return candidates;
    }

    private static IEnumerable<IPAddress> InterfaceAddresses(AddressFamily family)
    {
        foreach (var nic in NetworkInterface.GetAllNetworkInterfaces())
        {
            if (nic.OperationalStatus != OperationalStatus.Up)
            {
                continue;
            }
            foreach (var unicast in nic.GetIPProperties().UnicastAddresses)
            {
                var address = unicast.Address;
                if (address.AddressFamily == family && !address.IsIPv6LinkLocal)
                {
                    yield return address;
                }
            }
        }
    }

    private static IPAddress ParseAddress(string text, string setting) =>
        IPAddress.TryParse(text, out var address)
            ? address
            : throw new InvalidOperationException($"{setting}: '{text}' is not an IP address.");

    [LoggerMessage(Level = LogLevel.Information, Message = "Media on UDP port {Port}, announcing {Addresses}")]
    private static partial void LogListening(ILogger logger, int port, string addresses);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rooms' audio and video threads keep the normal priority: raising it needs root or CAP_SYS_NICE (docker run --cap-add SYS_NICE). On busy cores their ticks may come late")]
    private static partial void LogNoPriority(ILogger logger);
}
