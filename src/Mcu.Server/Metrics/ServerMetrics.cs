using System.Diagnostics.Metrics;
using System.Runtime.CompilerServices;
using Mcu.Conference;
using Mcu.Server.Media;
using Mcu.WebRtc;

namespace Mcu.Server.Metrics;

/// <summary>
/// This server's observable instruments: rooms and members by kind from the registry, and the
/// media port's datagram and byte totals and drop counts.
/// </summary>
internal sealed class ServerMetrics : IDisposable
{
    public const string MeterName = "Mcu.Server";

    private static readonly KeyValuePair<string, object?> UnknownSource = new("reason", "unknown_source");
    private static readonly KeyValuePair<string, object?> NoBuffer = new("reason", "no_buffer");
    private static readonly KeyValuePair<string, object?> QueueFull = new("reason", "queue_full");
    private static readonly KeyValuePair<string, object?> Unclassified = new("reason", "unclassified");
    private static readonly KeyValuePair<string, object?> Oversize = new("reason", "oversize");

    private readonly RoomRegistry _registry;

    public ServerMetrics(RoomRegistry registry, MediaHost media)
    {
        ArgumentNullException.ThrowIfNull(media);
        _registry = registry;
        var port = media.Port;
        // The engine's meters are created with their static classes, which otherwise wait for
        // the first event (a DTLS failure may never come); exporting zeros from the start keeps
        // every family present for dashboards and alerts.
        RuntimeHelpers.RunClassConstructor(typeof(ConferenceMetrics).TypeHandle);
        RuntimeHelpers.RunClassConstructor(typeof(WebRtcMetrics).TypeHandle);
        Meter = new Meter(MeterName);
        Meter.CreateObservableGauge("mcu.rooms", () => registry.Rooms.Count, "{room}", "Rooms open");
        Meter.CreateObservableGauge("mcu.participants", () => CountMembers(MemberKind.Participant), "{member}", "Participants (shown, heard, receiving the composite)");
        Meter.CreateObservableGauge("mcu.publishers", () => CountMembers(MemberKind.Publisher), "{member}", "Publishers (shown and heard, receiving nothing)");
        Meter.CreateObservableGauge("mcu.viewers", () => CountMembers(MemberKind.Viewer), "{member}", "Viewers (receiving the composite, neither shown nor heard)");
        Meter.CreateObservableCounter("mcu.media.packets.received", () => port.DatagramsReceived, "{packet}", "UDP datagrams received on the media port");
        Meter.CreateObservableCounter("mcu.media.received", () => port.BytesReceived, "By", "Bytes received on the media port");
        Meter.CreateObservableCounter("mcu.media.packets.sent", () => port.DatagramsSent, "{packet}", "UDP datagrams sent from the media port");
        Meter.CreateObservableCounter("mcu.media.sent", () => port.BytesSent, "By", "Bytes sent from the media port");
        Meter.CreateObservableCounter("mcu.media.dropped", () =>
        {
            long queueFull = 0;
            foreach (var loop in port.Loops)
            {
                queueFull += loop.DatagramsDroppedQueueFull;
            }
            return (Measurement<long>[])
            [
                new(port.DroppedUnknownSource, UnknownSource),
                new(port.DroppedNoBuffer, NoBuffer),
                new(queueFull, QueueFull),
            ];
        }, "{packet}", "Datagrams dropped before reaching a session: from no known peer, or while overloaded");
        Meter.CreateObservableCounter("mcu.packets.malformed", () => (Measurement<long>[])
        [
            new(port.DroppedUnclassified, Unclassified),
            new(port.DroppedOversize, Oversize),
        ], "{packet}", WebRtcMetrics.MalformedDescription);
    }

    public Meter Meter { get; }

    public void Dispose() => Meter.Dispose();

    private int CountMembers(MemberKind kind)
    {
        var count = 0;
        foreach (var room in _registry.Rooms)
        {
            foreach (var member in room.Members)
            {
                count += member.Kind == kind ? 1 : 0;
            }
        }
        return count;
    }
}
