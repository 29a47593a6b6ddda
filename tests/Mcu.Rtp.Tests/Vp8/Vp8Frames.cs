namespace Mcu.Rtp.Tests.Vp8;

/// <summary>Synthetic VP8 frames: a valid frame tag (and key frame header) followed by seeded noise.</summary>
internal static class Vp8Frames
{
    public static byte[] Keyframe(int length, int seed, int width = 320, int height = 240)
    {
        var frame = new byte[length];
        new Random(seed).NextBytes(frame);
        frame[0] = 0x50;   // P=0, VER=0, H=1
        frame[1] = 0x9a;
        frame[2] = 0x00;
        frame[3] = 0x9d;
        frame[4] = 0x01;
        frame[5] = 0x2a;
        frame[6] = (byte)width;
        frame[7] = (byte)(width >> 8);
        frame[8] = (byte)height;
        frame[9] = (byte)(height >> 8);
        return frame;
    }

    public static byte[] Delta(int length, int seed)
    {
        var frame = new byte[length];
        new Random(seed).NextBytes(frame);
        frame[0] = 0x31;   // P=1, H=1
        return frame;
    }
}
