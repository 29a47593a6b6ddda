using System.Buffers.Binary;
using Mcu.Media.Codecs;

namespace Mcu.Media.Tests.Audio.TestSupport;

/// <summary>
/// A codec stand-in whose output names its source: a packet decodes to a constant value, its
/// FEC to the previous frame's value, a concealment to half the last output.
/// Packet: [duration in 2.5 ms units][value, int16 BE][FEC value, int16 BE, 0 = none].
/// </summary>
internal sealed class FakeAudioDecoder(int sampleRate = 48_000, int channels = 1) : IAudioDecoder
{
    private short _last;

    public int SampleRate { get; } = sampleRate;

    public int Channels { get; } = channels;

    public bool RefuseDecoding { get; set; }

    public int Decodes { get; private set; }

    public int FecDecodes { get; private set; }

    public int Concealments { get; private set; }

    public static byte[] Packet(short value, short fecValue = 0, int milliseconds = 20)
    {
        byte[] packet = new byte[5];
        packet[0] = (byte)(milliseconds * 2 / 5);
        BinaryPrimitives.WriteInt16BigEndian(packet.AsSpan(1), value);
        BinaryPrimitives.WriteInt16BigEndian(packet.AsSpan(3), fecValue);
        return packet;
    }

    public int GetSamplesPerChannel(ReadOnlySpan<byte> packet) => packet.Length < 5 ? 0 : packet[0] * 120;

    public bool TryDecode(ReadOnlySpan<byte> packet, Span<short> pcm, out int samplesPerChannel)
    {
        samplesPerChannel = GetSamplesPerChannel(packet);
        if (RefuseDecoding || samplesPerChannel == 0 || samplesPerChannel > pcm.Length)
        {
            samplesPerChannel = 0;
            return false;
        }

        Decodes++;
        _last = BinaryPrimitives.ReadInt16BigEndian(packet[1..]);
        pcm[..samplesPerChannel].Fill(_last);
        return true;
    }

    public int Conceal(Span<short> pcm)
    {
        Concealments++;
        _last /= 2;
        pcm.Fill(_last);
        return pcm.Length;
    }

    public bool TryDecodeFec(ReadOnlySpan<byte> nextPacket, Span<short> pcm, out int samplesPerChannel)
    {
        samplesPerChannel = 0;
        if (GetSamplesPerChannel(nextPacket) == 0)
        {
            return false;
        }

        short fec = BinaryPrimitives.ReadInt16BigEndian(nextPacket[3..]);
        if (fec == 0)
        {
            samplesPerChannel = Conceal(pcm);
            return true;
        }

        FecDecodes++;
        _last = fec;
        pcm.Fill(fec);
        samplesPerChannel = pcm.Length;
        return true;
    }

    public void Dispose()
    {
    }
}
