namespace Mcu.Rtp.Opus;

/// <summary>
/// The Opus RTP payload (RFC 7587): exactly one Opus packet, RTP clock 48 kHz whatever the coded bandwidth.
/// Validation follows the packet framing rules R1-R7 of RFC 6716 section 3.4.
/// </summary>
public static class OpusPayload
{
    public const int ClockRate = 48000;

    /// <summary>Largest frame a packet may carry (RFC 6716 section 3.4, R2).</summary>
    public const int MaxFrameLength = 1275;

    /// <summary>A packet lasts at most 120 ms (R5).</summary>
    public const int MaxPacketSamples = 5760;

    /// <summary>Checks the payload is a well-formed Opus packet and reads its TOC, frame count and duration.</summary>
    public static bool TryValidate(ReadOnlySpan<byte> payload, out OpusPacketInfo info)
    {
        info = default;
        if (payload.IsEmpty)
        {
            return false; // R1
        }
        var toc = new OpusToc(payload[0]);
        var rest = payload[1..];
        int frameCount;
        switch (toc.FrameCountCode)
        {
            case 0:
                frameCount = 1;
                if (rest.Length > MaxFrameLength)
                {
                    return false; // R2
                }
                break;
            case 1:
                frameCount = 2;
                if ((rest.Length & 1) != 0 || rest.Length / 2 > MaxFrameLength)
                {
                    return false; // R3
                }
                break;
            case 2:
                frameCount = 2;
                if (!TryReadFrameLength(rest, out var firstLength, out var used) ||
                    firstLength > rest.Length - used || rest.Length - used - firstLength > MaxFrameLength)
                {
                    return false; // R4
                }
                break;
            default:
                if (!TryValidateCode3(toc, rest, out frameCount))
                {
                    return false;
                }
                break;
        }
        info = new OpusPacketInfo(toc, frameCount);
        return true;
    }

    // RFC 6716 3.2.5: frame count byte (VBR flag, padding flag, M), optional padding length, then frames.
    private static bool TryValidateCode3(OpusToc toc, ReadOnlySpan<byte> rest, out int frameCount)
    {
        frameCount = 0;
        if (rest.IsEmpty)
        {
            return false; // R5: at least two bytes
        }
        var countByte = rest[0];
        var isVbr = (countByte & 0x80) != 0;
        var hasPadding = (countByte & 0x40) != 0;
        var count = countByte & 0x3F;
        if (count == 0 || count * toc.SamplesPerFrame > MaxPacketSamples)
        {
            return false; // R5
        }
        var position = 1;
        var padding = 0;
        if (hasPadding)
        {
            // Each 255 adds 254 padding bytes and another length byte follows.
            while (true)
            {
                if (position >= rest.Length)
                {
                    return false;
                }
                var value = rest[position++];
                padding += value == 255 ? 254 : value;
                if (value != 255)
                {
                    break;
                }
            }
        }
        var available = rest.Length - position - padding;
        if (available < 0)
        {
            return false; // R6/R7: padding larger than the packet
        }
        if (!isVbr)
        {
            if (available % count != 0 || available / count > MaxFrameLength)
            {
                return false; // R6
            }
        }
        else
        {
            var total = 0;
            for (var i = 0; i < count - 1; i++)
            {
                if (!TryReadFrameLength(rest[position..], out var length, out var used))
                {
                    return false;
                }
                position += used;
                total += length;
            }
            var lastLength = rest.Length - position - padding - total;
            if (lastLength < 0 || lastLength > MaxFrameLength)
            {
                return false; // R7
            }
        }
        frameCount = count;
        return true;
    }

    // RFC 6716 3.2.1: one byte 0-251, or two bytes (first 252-255) for 4 * second + first.
    private static bool TryReadFrameLength(ReadOnlySpan<byte> data, out int length, out int used)
    {
        length = 0;
        used = 0;
        if (data.IsEmpty)
        {
            return false;
        }
        if (data[0] < 252)
        {
            length = data[0];
            used = 1;
            return true;
        }
        if (data.Length < 2)
        {
            return false;
        }
        length = (4 * data[1]) + data[0];
        used = 2;
        return true;
    }
}
