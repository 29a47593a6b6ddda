using System.Buffers.Binary;

namespace Mcu.Rtp.Rtcp;

/// <summary>
/// REMB (PSFB FMT 15 with identifier "REMB", draft-alvestrand-rmcat-remb-03 section 2.2): the receiver's
/// estimate of the total bitrate it can take, as an 18-bit mantissa and 6-bit exponent, for a list of SSRCs.
/// </summary>
/// <remarks>
/// This MCU takes its per-receiver bandwidth estimate from REMB rather than transport-wide CC: with REMB the
/// browser runs the delay-based estimator on its receive side and we only read one number per second or so.
/// Transport-wide CC feedback would make us run a send-side delay-based estimator (arrival-time filtering,
/// overuse detection, probing) for every receiver ourselves. TWCC feedback is therefore only parsed far
/// enough to be validated and skipped.
/// </remarks>
public readonly ref struct ReceiverEstimatedMaxBitrate
{
    public const int Format = 15;

    /// <summary>The ASCII "REMB" unique identifier.</summary>
    public const uint Identifier = 0x52454D42;

    private const int FixedFciLength = 8;
    private const int MantissaBits = 18;
    private const uint MaxMantissa = (1 << MantissaBits) - 1;
    private const int MaxExponent = 63;

    private readonly ReadOnlySpan<byte> _ssrcs;

    private ReceiverEstimatedMaxBitrate(uint senderSsrc, ulong bitrate, ReadOnlySpan<byte> ssrcs)
    {
        SenderSsrc = senderSsrc;
        Bitrate = bitrate;
        _ssrcs = ssrcs;
    }

    public uint SenderSsrc { get; }

    /// <summary>Estimated maximum total bitrate in bits per second (saturates at <see cref="ulong.MaxValue"/>).</summary>
    public ulong Bitrate { get; }

    public int SsrcCount => _ssrcs.Length / 4;

    public uint GetSsrc(int index)
    {
        if ((uint)index >= (uint)SsrcCount)
        {
            ThrowHelper.ArgumentOutOfRange(nameof(index));
        }
        return BinaryPrimitives.ReadUInt32BigEndian(_ssrcs[(4 * index)..]);
    }

    /// <summary>False unless the identifier is "REMB" and the FCI holds the Num SSRC feedback entries it announces.</summary>
    public static bool TryParse(ReadOnlySpan<byte> packet, out ReceiverEstimatedMaxBitrate remb)
    {
        remb = default;
        if (!FeedbackHeader.TryGetFci(packet, RtcpPacketType.PayloadFeedback, Format, out var sender, out _, out var fci) ||
            fci.Length < FixedFciLength ||
            BinaryPrimitives.ReadUInt32BigEndian(fci) != Identifier)
        {
            return false;
        }
        var word = BinaryPrimitives.ReadUInt32BigEndian(fci[4..]);
        var count = (int)(word >> 24);
        if (fci.Length - FixedFciLength < 4 * count)
        {
            return false;
        }
        var bitrate = Decode((int)((word >> MantissaBits) & 0x3F), word & MaxMantissa);
        remb = new ReceiverEstimatedMaxBitrate(sender, bitrate, fci.Slice(FixedFciLength, 4 * count));
        return true;
    }

    /// <summary>mantissa * 2^exponent, saturating instead of overflowing for exponents above 46.</summary>
    public static ulong Decode(int exponent, uint mantissa) =>
        mantissa > (ulong.MaxValue >> exponent) ? ulong.MaxValue : (ulong)mantissa << exponent;

    /// <summary>The smallest exponent whose mantissa fits 18 bits; truncation rounds down, never overstating the estimate.</summary>
    public static void Encode(ulong bitrate, out int exponent, out uint mantissa)
    {
        exponent = 0;
        while (bitrate > MaxMantissa && exponent < MaxExponent)
        {
            bitrate >>= 1;
            exponent++;
        }
        mantissa = (uint)bitrate;
    }

    public static int GetSize(int ssrcCount) => FeedbackHeader.Length + FixedFciLength + (4 * ssrcCount);

    public static bool TryWrite(Span<byte> destination, uint senderSsrc, ulong bitrate, ReadOnlySpan<uint> ssrcs, out int written)
    {
        written = 0;
        var size = GetSize(ssrcs.Length);
        if (ssrcs.Length > byte.MaxValue || destination.Length < size)
        {
            return false;
        }
        // draft-alvestrand-rmcat-remb 2.2: the media source SSRC is always 0; the SSRCs go in the feedback list.
        FeedbackHeader.Write(destination, RtcpPacketType.PayloadFeedback, Format, size, senderSsrc, 0);
        var fci = destination[FeedbackHeader.Length..];
        BinaryPrimitives.WriteUInt32BigEndian(fci, Identifier);
        Encode(bitrate, out var exponent, out var mantissa);
        BinaryPrimitives.WriteUInt32BigEndian(fci[4..], ((uint)ssrcs.Length << 24) | ((uint)exponent << MantissaBits) | mantissa);
        for (var i = 0; i < ssrcs.Length; i++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(fci[(FixedFciLength + (4 * i))..], ssrcs[i]);
        }
        written = size;
        return true;
    }
}
