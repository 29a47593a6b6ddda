namespace Mcu.Media.Native.Tests.TestSupport;

/// <summary>Encodes a signal into 20 ms Opus packets for decoder tests.</summary>
internal static class OpusStream
{
    public static List<byte[]> Encode(OpusEncoderSettings settings, ReadOnlySpan<short> signal)
    {
        using var encoder = new OpusEncoder(settings);
        int frame = encoder.FrameSamplesPerChannel * settings.Channels;
        var packets = new List<byte[]>(signal.Length / frame);
        byte[] packet = new byte[OpusEncoder.MaxPacketSize];
        for (int offset = 0; offset + frame <= signal.Length; offset += frame)
        {
            int length = encoder.Encode(signal.Slice(offset, frame), packet);
            packets.Add(packet.AsSpan(0, length).ToArray());
        }

        return packets;
    }
}
