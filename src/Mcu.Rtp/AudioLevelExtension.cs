namespace Mcu.Rtp;

/// <summary>The ssrc-audio-level header extension (RFC 6464 section 3): voice activity flag and level in -dBov.</summary>
public static class AudioLevelExtension
{
    public const int Size = 1;

    /// <summary>Level of digital silence; 0 is the loudest (0 dBov).</summary>
    public const byte Silence = 127;

    public static bool TryRead(ReadOnlySpan<byte> value, out bool voiceActivity, out byte level)
    {
        if (value.IsEmpty)
        {
            voiceActivity = false;
            level = 0;
            return false;
        }
        voiceActivity = (value[0] & 0x80) != 0;
        level = (byte)(value[0] & 0x7F);
        return true;
    }

    /// <summary>Writes one octet; <paramref name="level"/> is 0-127 -dBov.</summary>
    public static bool TryWrite(Span<byte> destination, bool voiceActivity, byte level)
    {
        if (destination.IsEmpty || level > Silence)
        {
            return false;
        }
        destination[0] = (byte)((voiceActivity ? 0x80 : 0) | level);
        return true;
    }
}
