using Mcu.Rtp.Opus;
using Mcu.Rtp.Rtcp;
using Mcu.Rtp.Tests.Rtcp;
using Mcu.Rtp.Vp8;

namespace Mcu.Rtp.Tests;

/// <summary>The per-packet paths allocate nothing once warmed up (buffers and state are created beforehand).</summary>
public class ZeroAllocationTests
{
    private const int Rounds = 500;

    private static long AllocatedBy(Action body)
    {
        body();
        body();
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < Rounds; i++)
        {
            body();
        }
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    [Fact]
    public void Rtp_write_parse_extension_lookup_rewrite_and_rtx_allocate_nothing()
    {
        var buffer = new byte[1500];
        var rtx = new byte[1500];
        var payload = new byte[1000];
        var map = new RtpHeaderExtensionMap();
        map.TryRegister(1, RtpExtensionKind.AudioLevel);
        map.TryRegister(2, RtpExtensionKind.AbsSendTime);
        map.TryRegister(4, RtpExtensionKind.Mid);
        ushort sequence = 0;
        var unwrapper = new SequenceNumberUnwrapper();
        var checksum = 0L;

        var allocated = AllocatedBy(() =>
        {
            RtpPacketWriter.TryCreate(buffer, new RtpHeader(111, sequence++, 960, 0x1234), out var writer);
            writer.TryAddExtension(1, AudioLevelExtension.Size, out var level);
            AudioLevelExtension.TryWrite(level, true, 40);
            writer.TryAddExtension(2, AbsSendTimeExtension.Size, out var sendTime);
            AbsSendTimeExtension.TryWrite(sendTime, AbsSendTimeExtension.FromTime(TimeSpan.FromSeconds(sequence)));
            writer.TryAddExtension(4, "0"u8);
            writer.TryWritePayload(payload, out var length);

            _ = RtpPacket.TryParse(buffer.AsSpan(0, length), out var packet);
            map.TryFind(packet.Extensions, RtpExtensionKind.AudioLevel, out var value);
            AudioLevelExtension.TryRead(value, out _, out var dbov);
            map.TryFind(packet.Extensions, RtpExtensionKind.Mid, out var mid);
            checksum += dbov + unwrapper.Unwrap(packet.SequenceNumber) + (MidExtension.IsMatch(mid, "0") ? 1 : 0);
            RtpRewriter.TryRewrite(buffer, 100, packet.SequenceNumber, 5, 6);

            RtxPacket.TryWrap(buffer.AsSpan(0, length), rtx, 97, 7, sequence, out var rtxLength);
            RtxPacket.TryUnwrap(rtx.AsSpan(0, rtxLength), buffer, 100, 6, out _);
        });

        Assert.Equal(0, allocated);
        Assert.NotEqual(0, checksum);
    }

    [Fact]
    public void Rtcp_build_and_parse_allocate_nothing()
    {
        var buffer = new byte[1500];
        var blocks = new[] { new ReportBlock(2, 10, 3, 70000, 5, 6, 7) };
        var lost = new ushort[] { 100, 101, 105, 140 };
        var ssrcs = new[] { 2u };
        var firs = new[] { new FirEntry(2, 1) };
        var checksum = 0L;

        var allocated = AllocatedBy(() =>
        {
            var writer = new RtcpCompoundWriter(buffer);
            writer.TryAddSenderReport(new SenderInfo(1, new NtpTimestamp(42), 3, 4, 5), blocks);
            writer.TryAddCanonicalName(1, "mcu"u8);
            writer.TryAddPictureLossIndication(1, 2);
            writer.TryAddFullIntraRequest(1, firs);
            writer.TryAddNack(1, 2, lost);
            writer.TryAddRemb(1, 1_500_000, ssrcs);
            writer.TryAddReceiverReport(1, blocks);

            var reader = new RtcpCompoundReader(writer.Written);
            while (reader.TryReadNext(out var packet))
            {
                switch (packet.Kind)
                {
                    case RtcpPacketKind.SenderReport when SenderReport.TryParse(packet.Data, out var sr):
                        foreach (var block in sr.ReportBlocks)
                        {
                            RoundTripTime.TryCompute(block.LastSenderReport + 100, block, out var rtt);
                            checksum += rtt.Ticks;
                        }
                        break;
                    case RtcpPacketKind.SourceDescription when SourceDescription.TryParse(packet.Data, out var sdes):
                        sdes.TryGetCanonicalName(out var ssrc, out _);
                        checksum += ssrc;
                        break;
                    case RtcpPacketKind.GenericNack when GenericNack.TryParse(packet.Data, out var nack):
                        foreach (var sequence in nack.LostSequenceNumbers)
                        {
                            checksum += sequence;
                        }
                        break;
                    case RtcpPacketKind.ReceiverEstimatedMaxBitrate when ReceiverEstimatedMaxBitrate.TryParse(packet.Data, out var remb):
                        checksum += (long)remb.Bitrate;
                        break;
                    case RtcpPacketKind.FullIntraRequest when FullIntraRequest.TryParse(packet.Data, out var fir):
                        checksum += fir.GetEntry(0).SequenceNumber;
                        break;
                }
            }
        });

        Assert.Equal(0, allocated);
        Assert.NotEqual(0, checksum);
    }

    [Fact]
    public void Vp8_packetize_and_assemble_and_opus_validation_allocate_nothing()
    {
        var packetizer = new Vp8Packetizer();
        var assembler = new Vp8FrameAssembler(maxPackets: 64, maxPacketDataSize: 1200, maxFrameLength: 16 * 1024);
        var frame = Vp8.Vp8Frames.Keyframe(5000, 1);
        var packetBuffer = new byte[1212];
        var output = new byte[16 * 1024];
        var opus = Bytes.FromHex("7b 83 02 01 00 00 00 00 00 00");
        ushort sequence = 0;
        uint timestamp = 0;
        var delivered = 0L;

        var allocated = AllocatedBy(() =>
        {
            packetizer.TryPacketize(frame, 1200, out var payloads);
            timestamp += 3000;
            while (payloads.TryWriteNextPacket(packetBuffer, new RtpHeader(96, sequence++, timestamp, 7), out var written))
            {
                if (RtpPacket.TryParse(packetBuffer.AsSpan(0, written), out var packet))
                {
                    assembler.Insert(packet.SequenceNumber, packet.Timestamp, packet.Marker, packet.Payload);
                }
            }
            while (assembler.TryTakeFrame(output, out var taken))
            {
                delivered += taken.Length;
            }
            OpusPayload.TryValidate(opus, out var info);
            delivered += info.FrameCount;
        });

        Assert.Equal(0, allocated);
        Assert.Equal((Rounds + 2) * (5000L + 3), delivered);
    }
}
