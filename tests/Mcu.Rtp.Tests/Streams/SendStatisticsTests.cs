using Mcu.Rtp.Rtcp;
using Mcu.Rtp.Streams;

namespace Mcu.Rtp.Tests.Streams;

public class SendStatisticsTests
{
    private static readonly DateTime Wall = new(2031, 5, 6, 7, 8, 9, DateTimeKind.Utc);

    /// <summary>What a receiver does with an SR to lip-sync: the wall time at which an RTP timestamp was captured.</summary>
    private static double CaptureSeconds(in SenderInfo sr, uint rtpTimestamp, int clockRate) =>
        (sr.NtpTimestamp.ToDateTime() - Wall).TotalSeconds + (SerialNumber.Difference(rtpTimestamp, sr.RtpTimestamp) / (double)clockRate);

    [Fact]
    public void Audio_and_video_srs_map_the_same_instant_to_the_same_wall_time()
    {
        // Room clock: at monotonic 10 s the audio clock read 1000 and the video clock 5000.
        var room = TimeSpan.FromSeconds(10);
        var audio = new SendStatistics(1, new RtpClockMapping(room, 1000, 48000));
        var video = new SendStatistics(2, new RtpClockMapping(room, 5000, 90000));

        // The SRs go out at different moments; each is built from one (now, utcNow) reading.
        var audioNow = TimeSpan.FromSeconds(12.345);
        var videoNow = TimeSpan.FromSeconds(13.0004);
        var audioSr = audio.CreateSenderInfo(audioNow, Wall + (audioNow - room));
        var videoSr = video.CreateSenderInfo(videoNow, Wall + (videoNow - room));

        Assert.Equal(1000u + (uint)(2.345 * 48000), audioSr.RtpTimestamp);
        Assert.Equal(5000u + 270036u, videoSr.RtpTimestamp);

        // Media captured at room time 11.5 s carries these timestamps; both SRs put it at the same wall time.
        var audioAt = 1000u + (uint)(1.5 * 48000);
        var videoAt = 5000u + (uint)(1.5 * 90000);
        Assert.Equal(1.5, CaptureSeconds(audioSr, audioAt, 48000), 4);
        Assert.Equal(1.5, CaptureSeconds(videoSr, videoAt, 90000), 4);
    }

    [Fact]
    public void The_sr_carries_payload_packet_and_octet_counts()
    {
        var stats = new SendStatistics(7, new RtpClockMapping(TimeSpan.Zero, 0, 90000));
        Assert.False(stats.IsSending);
        var packet = StreamPackets.Packet(1, 0, 7, payloadLength: 300);
        Assert.True(RtpPacket.TryParse(packet, out var parsed));

        stats.OnPacketSent(parsed);
        stats.OnPacketSent(200);
        var info = stats.CreateSenderInfo(TimeSpan.FromSeconds(1), Wall);

        Assert.True(stats.IsSending);
        Assert.Equal(7u, info.Ssrc);
        Assert.Equal(2u, info.PacketCount);
        Assert.Equal(500u, info.OctetCount);
        Assert.Equal(90000u, info.RtpTimestamp);
        Assert.Equal(NtpTimestamp.FromDateTime(Wall), info.NtpTimestamp);
    }

    [Fact]
    public void A_reception_report_echoing_our_sr_gives_the_round_trip_time()
    {
        var stats = new SendStatistics(7, new RtpClockMapping(TimeSpan.Zero, 0, 90000));
        var sr = stats.CreateSenderInfo(TimeSpan.FromSeconds(1), Wall);
        // The receiver held our SR for 250 ms; its report reaches us 350 ms after we sent the SR.
        var block = new ReportBlock(7, 26, 3, 1000, 12, sr.NtpTimestamp.Middle32, CompactNtp.FromTimeSpan(TimeSpan.FromMilliseconds(250)));
        var arrival = NtpTimestamp.FromDateTime(Wall.AddMilliseconds(350)).Middle32;

        Assert.True(stats.OnReceptionReport(TimeSpan.FromSeconds(1.35), block, arrival, out var rtt));

        Assert.InRange(rtt.TotalMilliseconds, 99.9, 100.1);
        Assert.True(stats.HasRoundTripTime);
        Assert.Equal(rtt, stats.RoundTripTime);
        Assert.Equal(block, stats.LastReceptionReport);
    }

    [Fact]
    public void A_report_without_lsr_updates_loss_but_not_the_round_trip_time()
    {
        var stats = new SendStatistics(7, new RtpClockMapping(TimeSpan.Zero, 0, 90000));

        Assert.False(stats.OnReceptionReport(TimeSpan.FromSeconds(1), new ReportBlock(7, 10, 1, 5, 0, 0, 0), 12345, out _));

        Assert.True(stats.HasReceptionReport);
        Assert.False(stats.HasRoundTripTime);
        Assert.Equal(10, stats.LastReceptionReport.FractionLost);
    }

    [Fact]
    public void A_clock_without_a_rate_is_rejected()
    {
        Assert.Throws<ArgumentException>(() => new SendStatistics(1, default));
        var stats = new SendStatistics(1, new RtpClockMapping(TimeSpan.Zero, 0, 48000));
        Assert.Throws<ArgumentException>(() => stats.Clock = default);
    }
}
