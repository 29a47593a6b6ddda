using System.Diagnostics.Metrics;

namespace Mcu.WebRtc;

/// <summary>Peer-session events worth counting process-wide (System.Diagnostics.Metrics); the server exports them.</summary>
public static class WebRtcMetrics
{
    public const string MeterName = "Mcu.WebRtc";

    private static readonly Meter Meter = new(MeterName);

    internal static readonly Counter<long> DtlsFailures =
        Meter.CreateCounter<long>("mcu.dtls.failures", "{handshake}", "DTLS handshakes that failed, or started and did not finish in time");

    /// <summary>
    /// The description of "mcu.packets.malformed", which other layers also report (with their
    /// own reasons) so that an exporter shows one family.
    /// </summary>
    public const string MalformedDescription =
        "Packets dropped as malformed, by reason: srtp (failed SRTP/SRTCP authentication, replay or parsing), unclassified (no RFC 7983 protocol), oversize";

    internal static readonly Counter<long> MalformedPackets =
        Meter.CreateCounter<long>("mcu.packets.malformed", "{packet}", MalformedDescription);

    /// <summary>The reason tag of SRTP drops.</summary>
    internal static readonly KeyValuePair<string, object?> SrtpReason = new("reason", "srtp");
}
