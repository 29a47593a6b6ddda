using Mcu.Rtp.Vp8;

namespace Mcu.Rtp.Tests.Vp8;

/// <summary>One RTP packet of a synthetic VP8 stream.</summary>
internal sealed record Vp8TestPacket(ushort SequenceNumber, uint Timestamp, bool Marker, byte[] Payload);

/// <summary>Produces the RTP packets of a VP8 stream, starting near the sequence wrap to exercise it.</summary>
internal sealed class Vp8TestStream
{
    private readonly Vp8Packetizer _packetizer;
    private ushort _sequenceNumber;
    private uint _timestamp;

    public Vp8TestStream(ushort firstSequenceNumber = 65530, ushort firstPictureId = 100)
    {
        _sequenceNumber = firstSequenceNumber;
        _packetizer = new Vp8Packetizer(firstPictureId);
        _timestamp = 90000;
    }

    /// <summary>Packetizes a frame with the library packetizer (15-bit PictureID descriptors).</summary>
    public List<Vp8TestPacket> Frame(byte[] frame, int maxPayload = 300)
    {
        Assert.True(_packetizer.TryPacketize(frame, maxPayload, out var payloads));
        var packets = new List<Vp8TestPacket>();
        var buffer = new byte[maxPayload];
        while (payloads.TryWriteNext(buffer, out var written, out var isLast))
        {
            packets.Add(new Vp8TestPacket(_sequenceNumber++, _timestamp, isLast, buffer.AsSpan(0, written).ToArray()));
        }
        _timestamp += 3000;
        return packets;
    }

    /// <summary>Packetizes a frame with a caller-chosen descriptor (for temporal layer fields); S is set on the first packet.</summary>
    public List<Vp8TestPacket> Frame(byte[] frame, Vp8PayloadDescriptor descriptor, int maxData = 200)
    {
        var packets = new List<Vp8TestPacket>();
        for (var offset = 0; offset < frame.Length; offset += maxData)
        {
            var data = frame.AsSpan(offset, Math.Min(maxData, frame.Length - offset));
            var buffer = new byte[Vp8PayloadDescriptor.MaxSize + data.Length];
            Assert.True((descriptor with { StartOfPartition = offset == 0 }).TryWrite(buffer, out var written));
            data.CopyTo(buffer.AsSpan(written));
            var isLast = offset + maxData >= frame.Length;
            packets.Add(new Vp8TestPacket(_sequenceNumber++, _timestamp, isLast, buffer.AsSpan(0, written + data.Length).ToArray()));
        }
        _timestamp += 3000;
        return packets;
    }

    /// <summary>A padding-only packet (empty payload) between frames.</summary>
    public Vp8TestPacket Padding() => new(_sequenceNumber++, _timestamp, false, Array.Empty<byte>());

    /// <summary>Burns a sequence number, as a packet lost on the wire.</summary>
    public ushort Skip() => _sequenceNumber++;
}
