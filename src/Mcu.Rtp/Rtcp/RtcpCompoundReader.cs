namespace Mcu.Rtp.Rtcp;

/// <summary>
/// Iterates the packets of a compound RTCP datagram (RFC 3550 section 6.1). A packet whose own content is
/// malformed is skipped and counted; a bad length word or trailing bytes make the rest unreadable, so
/// iteration stops there and that is counted once. Only well-formed packets are returned. The first packet
/// need not be an SR or RR: browsers negotiate reduced-size RTCP (RFC 5506), sending feedback on its own.
/// </summary>
public ref struct RtcpCompoundReader
{
    private ReadOnlySpan<byte> _remaining;

    public RtcpCompoundReader(ReadOnlySpan<byte> datagram)
    {
        _remaining = datagram;
    }

    /// <summary>Packets dropped so far: malformed ones, plus one when the datagram could not be walked to its end.</summary>
    public int MalformedCount { get; private set; }

    /// <summary>True when a bad header stopped iteration before the end of the datagram.</summary>
    public bool StoppedEarly { get; private set; }

    public bool TryReadNext(out RtcpPacket packet)
    {
        while (!_remaining.IsEmpty)
        {
            if (!RtcpHeader.TryParse(_remaining, out var header))
            {
                MalformedCount++;
                StoppedEarly = true;
                _remaining = default;
                break;
            }
            var candidate = new RtcpPacket(header, _remaining[..header.PacketLength]);
            _remaining = _remaining[header.PacketLength..];
            if (candidate.IsWellFormed())
            {
                packet = candidate;
                return true;
            }
            MalformedCount++;
        }
        packet = default;
        return false;
    }
}
