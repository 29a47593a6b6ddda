using System.Buffers.Binary;

namespace Mcu.Recording.Matroska;

/// <summary>The Opus identification header (RFC 7845 section 5.1): the A_OPUS track's CodecPrivate.</summary>
internal static class OpusHead
{
    public const int Size = 19;

    /// <summary>
    /// libopus at 48 kHz looks ahead 2.5 ms plus 4 ms of delay compensation in its VoIP and audio
    /// modes: 312 samples the decoder drops from the start (RFC 7845 section 4.2).
    /// </summary>
    public const int LibopusPreSkip = 312;

    /// <summary>Writes a mapping-family-0 header (mono or stereo) and returns <see cref="Size"/>.</summary>
    public static int Write(Span<byte> destination, int channels, int preSkip, int inputSampleRate)
    {
        "OpusHead"u8.CopyTo(destination);
        destination[8] = 1; // version
        destination[9] = (byte)channels;
        BinaryPrimitives.WriteUInt16LittleEndian(destination[10..], (ushort)preSkip);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[12..], (uint)inputSampleRate);
        BinaryPrimitives.WriteInt16LittleEndian(destination[16..], 0); // output gain
        destination[18] = 0; // channel mapping family 0: mono or stereo, no table
        return Size;
    }
}
