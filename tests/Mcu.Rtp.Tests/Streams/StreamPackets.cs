namespace Mcu.Rtp.Tests.Streams;

/// <summary>Test helper: small RTP packets with a recognisable payload.</summary>
internal static class StreamPackets
{
    public static byte[] Packet(ushort sequenceNumber, uint timestamp, uint ssrc, int payloadLength = 20, byte payloadType = 96, bool marker = false)
    {
        var buffer = new byte[RtpPacket.FixedHeaderLength + payloadLength];
        RtpPacketWriter.TryCreate(buffer, new RtpHeader(payloadType, sequenceNumber, timestamp, ssrc, marker), out var writer);
        var payload = new byte[payloadLength];
        for (var i = 0; i < payload.Length; i++)
        {
            payload[i] = (byte)(sequenceNumber + i);
        }
        writer.TryWritePayload(payload, out var length);
        return buffer.AsSpan(0, length).ToArray();
    }

    public static TimeSpan Ms(double milliseconds) => TimeSpan.FromMilliseconds(milliseconds);
}
