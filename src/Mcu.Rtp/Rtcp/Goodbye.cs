using System.Buffers.Binary;

namespace Mcu.Rtp.Rtcp;

/// <summary>BYE: SSRCs leaving, with an optional reason (RFC 3550 section 6.6).</summary>
public readonly ref struct Goodbye
{
    public const int MaxSources = 31;
    public const int MaxReasonLength = 255;

    private readonly ReadOnlySpan<byte> _ssrcs;

    private Goodbye(ReadOnlySpan<byte> ssrcs, ReadOnlySpan<byte> reason)
    {
        _ssrcs = ssrcs;
        Reason = reason;
    }

    public int SsrcCount => _ssrcs.Length / 4;

    /// <summary>The reason text (UTF-8), empty when absent.</summary>
    public ReadOnlySpan<byte> Reason { get; }

    public uint GetSsrc(int index)
    {
        if ((uint)index >= (uint)SsrcCount)
        {
            ThrowHelper.ArgumentOutOfRange(nameof(index));
        }
        return BinaryPrimitives.ReadUInt32BigEndian(_ssrcs[(4 * index)..]);
    }

    public static bool TryParse(ReadOnlySpan<byte> packet, out Goodbye goodbye)
    {
        goodbye = default;
        if (!RtcpHeader.TryGetBody(packet, RtcpPacketType.Goodbye, -1, out var header, out var body))
        {
            return false;
        }
        var ssrcLength = 4 * header.Count;
        if (body.Length < ssrcLength)
        {
            return false;
        }
        var rest = body[ssrcLength..];
        ReadOnlySpan<byte> reason = default;
        if (!rest.IsEmpty && rest[0] != 0)
        {
            if (rest[0] > rest.Length - 1)
            {
                return false;
            }
            reason = rest.Slice(1, rest[0]);
        }
        goodbye = new Goodbye(body[..ssrcLength], reason);
        return true;
    }

    public static int GetSize(int ssrcCount, int reasonLength) =>
        RtcpHeader.Size + (4 * ssrcCount) + (reasonLength == 0 ? 0 : (1 + reasonLength + 3) & ~3);

    public static bool TryWrite(Span<byte> destination, ReadOnlySpan<uint> ssrcs, ReadOnlySpan<byte> reason, out int written)
    {
        written = 0;
        var size = GetSize(ssrcs.Length, reason.Length);
        if (ssrcs.Length > MaxSources || reason.Length > MaxReasonLength || destination.Length < size)
        {
            return false;
        }
        RtcpHeader.Write(destination, ssrcs.Length, RtcpPacketType.Goodbye, size);
        var position = RtcpHeader.Size;
        foreach (var ssrc in ssrcs)
        {
            BinaryPrimitives.WriteUInt32BigEndian(destination[position..], ssrc);
            position += 4;
        }
        if (!reason.IsEmpty)
        {
            destination[position] = (byte)reason.Length;
            reason.CopyTo(destination[(position + 1)..]);
            destination[(position + 1 + reason.Length)..size].Clear();
        }
        written = size;
        return true;
    }
}
