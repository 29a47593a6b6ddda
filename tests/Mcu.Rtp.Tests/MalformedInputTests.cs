using Mcu.Rtp.Opus;
using Mcu.Rtp.Rtcp;
using Mcu.Rtp.Tests.Rtcp;
using Mcu.Rtp.Vp8;

namespace Mcu.Rtp.Tests;

/// <summary>
/// Property tests: random and mutated bytes into every reader. Every input is an array of exactly its own
/// length, so any over-read throws IndexOutOfRangeException and fails the test; every accessor of a packet
/// that parsed is exercised too.
/// </summary>
public class MalformedInputTests
{
    private const int Iterations = 4000;

    private static readonly byte[][] RtcpSeeds =
    {
        RtcpPackets.SenderReport, RtcpPackets.ReceiverReport, RtcpPackets.SourceDescription, RtcpPackets.Goodbye,
        RtcpPackets.Nack, RtcpPackets.Pli, RtcpPackets.Fir, RtcpPackets.Remb, RtcpPackets.TransportWide,
        RtcpPackets.ExtendedReport, RtcpPackets.App,
    };

    private static byte[][] RtpSeeds()
    {
        var seeds = new List<byte[]>();
        var buffer = new byte[256];
        RtpPacketWriter.TryCreate(buffer, new RtpHeader(111, 1, 2, 3), new uint[] { 9, 10 }, out var writer);
        writer.TryAddExtension(1, new byte[] { 0x9e });
        writer.TryAddExtension(3, new byte[] { 1, 2 });
        writer.TryWritePayload(new byte[] { 0x78, 1, 2, 3 }, out var length);
        RtpPacketWriter.TryAppendPadding(buffer, length, 3, out length);
        seeds.Add(buffer.AsSpan(0, length).ToArray());

        RtpPacketWriter.TryCreate(buffer, new RtpHeader(96, 1, 2, 3, true), out writer);
        writer.TryAddExtension(200, new byte[] { 1, 2, 3 });
        writer.TryAddExtension(4, Array.Empty<byte>());
        writer.TryWritePayload(new byte[] { 0x90, 0x80, 0x11, 0x50, 0x9a, 0x00, 0x9d, 0x01, 0x2a, 0x80, 0x02, 0xe0, 0x01 }, out length);
        seeds.Add(buffer.AsSpan(0, length).ToArray());
        return seeds.ToArray();
    }

    /// <summary>Random bytes of random length, or a seed with flipped bytes, truncated or extended.</summary>
    private static byte[] NextInput(Random random, byte[][] seeds, int maxRandomLength = 96)
    {
        switch (random.Next(4))
        {
            case 0:
            {
                var bytes = new byte[random.Next(maxRandomLength + 1)];
                random.NextBytes(bytes);
                return bytes;
            }
            case 1:
            {
                var seed = seeds[random.Next(seeds.Length)];
                return seed.AsSpan(0, random.Next(seed.Length + 1)).ToArray();
            }
            case 2:
            {
                var seed = seeds[random.Next(seeds.Length)];
                var extended = new byte[seed.Length + random.Next(1, 9)];
                seed.CopyTo(extended, 0);
                random.NextBytes(extended.AsSpan(seed.Length));
                return extended;
            }
            default:
            {
                var mutated = seeds[random.Next(seeds.Length)].ToArray();
                var flips = random.Next(1, 5);
                for (var i = 0; i < flips && mutated.Length > 0; i++)
                {
                    mutated[random.Next(mutated.Length)] = (byte)random.Next(256);
                }
                return mutated;
            }
        }
    }

    /// <summary>A random RTCP packet of the given type/format with a plausible header, so type validation is reached.</summary>
    private static byte[] NextRtcp(Random random, RtcpPacketType type, int format)
    {
        var words = random.Next(0, 12);
        var bytes = new byte[(words + 1) * 4 + (random.Next(4) == 0 ? random.Next(-3, 4) : 0)];
        if (bytes.Length < 4)
        {
            return bytes;
        }
        random.NextBytes(bytes);
        bytes[0] = (byte)(0x80 | (random.Next(8) == 0 ? 0x20 : 0) | (format >= 0 ? format : random.Next(32)));
        bytes[1] = (byte)type;
        bytes[2] = 0;
        bytes[3] = (byte)(random.Next(5) == 0 ? random.Next(256) : words);
        if (type == RtcpPacketType.PayloadFeedback && format == ReceiverEstimatedMaxBitrate.Format && bytes.Length >= 16)
        {
            "REMB"u8.CopyTo(bytes.AsSpan(12));
        }
        return bytes;
    }

    [Fact]
    public void Rtp_reader_and_extension_reader_never_throw()
    {
        var random = new Random(1);
        var seeds = RtpSeeds();
        var parsed = 0;
        for (var i = 0; i < Iterations; i++)
        {
            var input = NextInput(random, seeds);
            if (RtpPacket.TryParse(input, out var packet))
            {
                parsed++;
                Assert.True(packet.HeaderLength + packet.PaddingLength <= input.Length);
                _ = packet.Marker ^ packet.HasPadding ^ packet.HasExtension;
                _ = packet.PayloadType + packet.SequenceNumber + packet.Timestamp + packet.Ssrc;
                for (var c = 0; c < packet.CsrcCount; c++)
                {
                    _ = packet.GetCsrc(c);
                }
                _ = packet.Payload.Length;
                Touch(packet.Extensions);
            }
            Touch(new RtpHeaderExtensions(RtpHeaderExtensions.OneByteProfile, input));
            Touch(new RtpHeaderExtensions(RtpHeaderExtensions.TwoByteProfile, input));
        }
        Assert.True(parsed > Iterations / 10, $"only {parsed} inputs parsed");
    }

    private static void Touch(RtpHeaderExtensions extensions)
    {
        foreach (var element in extensions)
        {
            AudioLevelExtension.TryRead(element.Value, out _, out _);
            AbsSendTimeExtension.TryRead(element.Value, out _);
            TransportSequenceNumberExtension.TryRead(element.Value, out _);
            MidExtension.TryRead(element.Value, out _);
        }
        extensions.TryFind(15, out _);
    }

    [Fact]
    public void Rtx_unwrap_and_wrap_never_throw()
    {
        var random = new Random(2);
        var seeds = RtpSeeds();
        var destination = new byte[512];
        for (var i = 0; i < Iterations; i++)
        {
            var input = NextInput(random, seeds);
            if (RtxPacket.TryUnwrap(input, destination, 96, 1, out var written))
            {
                Assert.True(RtpPacket.TryParse(destination.AsSpan(0, written), out _));
            }
            if (RtxPacket.TryWrap(input, destination, 97, 2, 3, out written))
            {
                Assert.True(RtpPacket.TryParse(destination.AsSpan(0, written), out _));
            }
            RtxPacket.TryWrap(input, destination.AsSpan(0, random.Next(input.Length + 3)), 97, 2, 3, out _);
        }
    }

    [Fact]
    public void Rtcp_compound_reader_never_throws_and_returns_only_parseable_packets()
    {
        var random = new Random(3);
        var packets = 0;
        for (var i = 0; i < Iterations; i++)
        {
            var parts = random.Next(1, 4);
            var datagram = new List<byte>();
            for (var p = 0; p < parts; p++)
            {
                datagram.AddRange(NextInput(random, RtcpSeeds, 40));
            }
            var reader = new RtcpCompoundReader(datagram.ToArray());
            while (reader.TryReadNext(out var packet))
            {
                packets++;
                TouchRtcp(packet);
            }
            Assert.InRange(reader.MalformedCount, 0, datagram.Count);
        }
        Assert.True(packets > Iterations / 10, $"only {packets} packets read");
    }

    [Theory]
    [InlineData(RtcpPacketType.SenderReport, -1)]
    [InlineData(RtcpPacketType.ReceiverReport, -1)]
    [InlineData(RtcpPacketType.SourceDescription, -1)]
    [InlineData(RtcpPacketType.Goodbye, -1)]
    [InlineData(RtcpPacketType.TransportFeedback, GenericNack.Format)]
    [InlineData(RtcpPacketType.TransportFeedback, TransportWideFeedback.Format)]
    [InlineData(RtcpPacketType.PayloadFeedback, PictureLossIndication.Format)]
    [InlineData(RtcpPacketType.PayloadFeedback, FullIntraRequest.Format)]
    [InlineData(RtcpPacketType.PayloadFeedback, ReceiverEstimatedMaxBitrate.Format)]
    [InlineData(RtcpPacketType.ExtendedReport, -1)]
    public void Each_rtcp_type_reader_never_throws(RtcpPacketType type, int format)
    {
        var random = new Random((int)type * 100 + format);
        var parsed = 0;
        for (var i = 0; i < Iterations; i++)
        {
            var input = random.Next(2) == 0 ? NextRtcp(random, type, format) : NextInput(random, RtcpSeeds, 64);
            var reader = new RtcpCompoundReader(input);
            while (reader.TryReadNext(out var packet))
            {
                parsed++;
                TouchRtcp(packet);
            }
            // Type parsers on their own, with whatever the header says.
            TouchAllTypes(input);
        }
        Assert.True(parsed > Iterations / 20, $"only {parsed} packets read");
    }

    private static void TouchAllTypes(byte[] input)
    {
        if (SenderReport.TryParse(input, out var sr))
        {
            _ = sr.Info;
            foreach (var block in sr.ReportBlocks)
            {
                RoundTripTime.TryCompute(0, block, out _);
            }
        }
        if (ReceiverReport.TryParse(input, out var rr))
        {
            foreach (var block in rr.ReportBlocks)
            {
                _ = block.CumulativeLost;
            }
        }
        if (SourceDescription.TryParse(input, out var sdes))
        {
            foreach (var chunk in sdes)
            {
                foreach (var item in chunk)
                {
                    _ = item.Value.Length;
                }
            }
            sdes.TryGetCanonicalName(out _, out _);
        }
        if (Goodbye.TryParse(input, out var bye))
        {
            for (var i = 0; i < bye.SsrcCount; i++)
            {
                _ = bye.GetSsrc(i);
            }
            _ = bye.Reason.Length;
        }
        if (GenericNack.TryParse(input, out var nack))
        {
            var count = 0;
            foreach (var _ in nack.LostSequenceNumbers)
            {
                count++;
            }
            Assert.InRange(count, nack.ItemCount, nack.ItemCount * 17);
        }
        if (PictureLossIndication.TryParse(input, out var pli))
        {
            _ = pli.MediaSsrc;
        }
        if (FullIntraRequest.TryParse(input, out var fir))
        {
            for (var i = 0; i < fir.EntryCount; i++)
            {
                _ = fir.GetEntry(i);
            }
        }
        if (ReceiverEstimatedMaxBitrate.TryParse(input, out var remb))
        {
            for (var i = 0; i < remb.SsrcCount; i++)
            {
                _ = remb.GetSsrc(i);
            }
        }
        if (TransportWideFeedback.TryParse(input, out var twcc))
        {
            _ = twcc.PacketChunksAndDeltas.Length;
        }
        if (ExtendedReport.TryParse(input, out var xr))
        {
            xr.TryGetReceiverReferenceTime(out _);
            for (var i = 0; i < xr.DlrrCount; i++)
            {
                _ = xr.GetDlrr(i);
            }
        }
    }

    private static void TouchRtcp(RtcpPacket packet)
    {
        _ = packet.Body.Length;
        var bytes = packet.Data.ToArray();
        var parsedAsItsKind = packet.Kind switch
        {
            RtcpPacketKind.SenderReport => SenderReport.TryParse(bytes, out _),
            RtcpPacketKind.ReceiverReport => ReceiverReport.TryParse(bytes, out _),
            RtcpPacketKind.SourceDescription => SourceDescription.TryParse(bytes, out _),
            RtcpPacketKind.Goodbye => Goodbye.TryParse(bytes, out _),
            RtcpPacketKind.GenericNack => GenericNack.TryParse(bytes, out _),
            RtcpPacketKind.TransportWideFeedback => TransportWideFeedback.TryParse(bytes, out _),
            RtcpPacketKind.PictureLossIndication => PictureLossIndication.TryParse(bytes, out _),
            RtcpPacketKind.FullIntraRequest => FullIntraRequest.TryParse(bytes, out _),
            RtcpPacketKind.ReceiverEstimatedMaxBitrate => ReceiverEstimatedMaxBitrate.TryParse(bytes, out _),
            RtcpPacketKind.ExtendedReport => ExtendedReport.TryParse(bytes, out _),
            _ => true,
        };
        Assert.True(parsedAsItsKind);
        TouchAllTypes(bytes);
    }

    [Fact]
    public void Vp8_descriptor_and_payload_header_readers_never_throw()
    {
        var random = new Random(4);
        var seeds = new[] { Bytes.FromHex("b2 f0 ff ff c8 b1 50 9a 00 9d 01 2a 80 02 e0 01"), Bytes.FromHex("90 80 92 67 31 00 00") };
        for (var i = 0; i < Iterations; i++)
        {
            var input = NextInput(random, seeds, 16);
            if (Vp8PayloadDescriptor.TryParse(input, out var descriptor, out var length))
            {
                Assert.InRange(length, 1, Math.Min(input.Length, Vp8PayloadDescriptor.MaxSize));
                Assert.Equal(length, descriptor.GetSize());
                _ = Vp8PayloadHeader.TryParse(input.AsSpan(length).ToArray(), out _);
            }
            if (Vp8PayloadHeader.TryParse(input, out var header))
            {
                Assert.InRange(header.Width, 0, 0x3FFF);
                Assert.InRange(header.HorizontalScale, 0, 3);
            }
        }
    }

    [Fact]
    public void Vp8_assembler_never_throws_on_hostile_packet_streams()
    {
        var random = new Random(5);
        var assembler = new Vp8FrameAssembler(maxPackets: 32, maxPacketDataSize: 64, maxFrameLength: 1024, maxHeldFrames: 4);
        var destination = new byte[1024];
        var seeds = new[] { Bytes.FromHex("90 80 11 50 9a 00 9d 01 2a 80 02 e0 01 aa bb"), Bytes.FromHex("10 31 00 00 01"), Bytes.FromHex("80 80 12 05 06") };
        ushort sequence = 65500;
        uint timestamp = 0;
        for (var i = 0; i < Iterations * 2; i++)
        {
            // Mostly nearby sequence numbers and few timestamps, so frames do complete; sometimes wild jumps.
            sequence = (ushort)(sequence + (random.Next(10) == 0 ? random.Next(65536) : random.Next(-3, 5)));
            timestamp += random.Next(4) == 0 ? 3000u : 0u;
            var payload = NextInput(random, seeds, 80);
            var result = assembler.Insert(sequence, timestamp, random.Next(3) == 0, payload);
            Assert.True(Enum.IsDefined(result.Status));
            while (assembler.TryTakeFrame(destination, out var frame))
            {
                Assert.InRange(frame.Length, 1, assembler.MaxFrameLength);
            }
            if (random.Next(50) == 0)
            {
                assembler.SkipMissing();
            }
            Assert.InRange(assembler.HeldFrameCount, 0, 5);
        }
        Assert.True(assembler.FramesDelivered > 10, $"only {assembler.FramesDelivered} frames delivered");
    }

    [Fact]
    public void Opus_validation_never_throws()
    {
        var random = new Random(6);
        var valid = 0;
        var seeds = new[] { Bytes.FromHex("7b 83 02 01 00 00 00 00 00 00"), Bytes.FromHex("7b 43 ff 00 00 00"), Bytes.FromHex("7a fc 01 00") };
        for (var i = 0; i < Iterations; i++)
        {
            var input = NextInput(random, seeds, 300);
            if (OpusPayload.TryValidate(input, out var info))
            {
                valid++;
                Assert.InRange(info.Samples, 120, OpusPayload.MaxPacketSamples);
            }
        }
        Assert.True(valid > Iterations / 10, $"only {valid} packets valid");
    }
}
