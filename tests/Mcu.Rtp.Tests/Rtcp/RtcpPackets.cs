namespace Mcu.Rtp.Tests.Rtcp;

/// <summary>Hand-built RTCP packets from the RFC layouts, shared by the per-type and compound tests.</summary>
internal static class RtcpPackets
{
    public static readonly byte[] SenderReport = Bytes.FromHex(
        "81 c8 00 0c" +              // V=2, RC=1, PT=200, length 12 words
        "11 22 33 44" +              // sender SSRC
        "e5 6b 52 7f 80 00 00 00" +  // NTP timestamp
        "00 01 5f 90" +              // RTP timestamp 90000
        "00 00 00 64" +              // packet count 100
        "00 00 3a 98" +              // octet count 15000
        "55 66 77 88" +              // report block: SSRC
        "19 ff ff fe" +              // fraction 25/256, cumulative lost -2
        "00 01 00 05" +              // extended highest sequence 65541
        "00 00 00 20" +              // jitter 32
        "52 7f 80 00" +              // LSR
        "00 01 80 00");              // DLSR 1.5 s

    public static readonly byte[] ReceiverReport = Bytes.FromHex(
        "81 c9 00 07" +
        "aa bb cc dd" +
        "55 66 77 88 00 00 00 03 00 00 ff ff 00 00 00 05 00 00 00 00 00 00 00 00");

    public static readonly byte[] SourceDescription = Bytes.FromHex(
        "82 ca 00 06" +                               // SC=2, length 6
        "11 22 33 44 01 05 68 65 6c 6c 6f 00" +       // CNAME "hello", end
        "55 66 77 88 02 02 61 62 01 01 78 00");       // NAME "ab", CNAME "x", end

    public static readonly byte[] Goodbye = Bytes.FromHex("81 cb 00 02 11 22 33 44 03 62 79 65");

    // RFC 4585 6.2.1: PID 1000, BLP 0b101 -> 1000, 1001, 1003 lost.
    public static readonly byte[] Nack = Bytes.FromHex("81 cd 00 03 00 00 00 01 00 00 00 02 03 e8 00 05");

    public static readonly byte[] Pli = Bytes.FromHex("81 ce 00 02 00 00 00 01 00 00 00 02");

    public static readonly byte[] Fir = Bytes.FromHex("84 ce 00 04 00 00 00 01 00 00 00 00 11 22 33 44 09 00 00 00");

    // 1.5 Mbit/s = 187500 * 2^3.
    public static readonly byte[] Remb = Bytes.FromHex("8f ce 00 05 00 00 00 01 00 00 00 00 52 45 4d 42 01 0e dc 6c 11 22 33 44");

    public static readonly byte[] TransportWide = Bytes.FromHex(
        "8f cd 00 05 00 00 00 01 00 00 00 02" +
        "00 05 00 02" +           // base sequence 5, 2 statuses
        "00 00 10 07" +           // reference time 16 * 64 ms, feedback count 7
        "20 02 04 08");           // one run-length chunk, two small deltas

    public static readonly byte[] ExtendedReport = Bytes.FromHex(
        "80 cf 00 08 11 22 33 44" +
        "04 00 00 02 e5 6b 52 7f 80 00 00 00" +      // RRTR
        "05 00 00 03 55 66 77 88 52 7f 80 00 00 00 40 00"); // DLRR, one sub-block

    public static readonly byte[] App = Bytes.FromHex("80 cc 00 03 11 22 33 44 54 45 53 54 00 00 00 00");
}
