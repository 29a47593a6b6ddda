using System.Buffers.Binary;

namespace Mcu.Srtp;

/// <summary>SRTP/SRTCP protection for one direction of one DTLS-SRTP association, in place and allocation-free per packet.</summary>
/// <remarks>
/// Use one context for what a peer session sends and one for what it receives. Per-SSRC state
/// (rollover counter, replay windows, SRTCP index) is created on first use, for at most
/// <see cref="SrtpContextOptions.MaxSsrcs"/> SSRCs; a received packet creates state only once it
/// authenticates. Not thread-safe: the owning network loop calls it.
/// </remarks>
public sealed class SrtpContext : IDisposable
{
    private const int RtcpHeaderLength = 8;

    private readonly SrtpCipher _cipher;
    private readonly Dictionary<uint, SsrcState> _streams = [];
    private readonly int _maxSsrcs;
    private readonly int _replayWindowSize;

    /// <summary>Derives session keys from <paramref name="masterKey"/> (RFC 3711 4.3).</summary>
    public SrtpContext(SrtpMasterKey masterKey, SrtpContextOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(masterKey);
        options ??= SrtpContextOptions.Default;
        options.Validate();
        Profile = masterKey.Profile;
        _maxSsrcs = options.MaxSsrcs;
        _replayWindowSize = options.ReplayWindowSize;
        _cipher = SrtpCipher.Create(masterKey);
    }

    /// <summary>The protection profile.</summary>
    public SrtpProfile Profile { get; }

    /// <summary>Bytes <see cref="ProtectRtp"/> appends.</summary>
    public int RtpOverhead => _cipher.RtpTagLength;

    /// <summary>Bytes <see cref="ProtectRtcp"/> appends.</summary>
    public int RtcpOverhead => _cipher.RtcpOverhead;

    /// <summary>How many SSRCs have state.</summary>
    public int SsrcCount => _streams.Count;

    /// <summary>Encrypts and tags the RTP packet in <c>buffer[..length]</c>; the tag goes after it.</summary>
    /// <remarks>Protecting the same sequence number twice reuses its index, so a retransmission
    /// must carry the same payload (RFC 7714 8.4 forbids two payloads under one GCM nonce).</remarks>
    public SrtpResult ProtectRtp(Span<byte> buffer, int length, out int protectedLength)
    {
        protectedLength = 0;
        if ((uint)length > (uint)buffer.Length || !RtpHeaderFields.TryParse(buffer[..length], out var header))
        {
            return SrtpResult.Malformed;
        }
        var tagLength = _cipher.RtpTagLength;
        if (buffer.Length - length < tagLength)
        {
            return SrtpResult.BufferTooSmall;
        }
        var state = GetOrAddOwnStream(header.Ssrc);
        if (state is null)
        {
            return SrtpResult.SsrcLimitExceeded;
        }
        var index = state.NextRtpIndex(header.SequenceNumber);
        if (index < 0)
        {
            return SrtpResult.TooOld;
        }
        _cipher.ProtectRtp(buffer[..(length + tagLength)], header.Length, header.Ssrc, (ulong)index);
        protectedLength = length + tagLength;
        return SrtpResult.Ok;
    }

    /// <summary>Authenticates and decrypts the SRTP packet in place; <paramref name="length"/> is the RTP packet's length.</summary>
    /// <remarks>Unless the result is <see cref="SrtpResult.Ok"/>, the packet's contents are unspecified.</remarks>
    public SrtpResult UnprotectRtp(Span<byte> packet, out int length)
    {
        length = 0;
        var tagLength = _cipher.RtpTagLength;
        if (packet.Length < tagLength || !RtpHeaderFields.TryParse(packet[..^tagLength], out var header))
        {
            return SrtpResult.Malformed;
        }
        _streams.TryGetValue(header.Ssrc, out var state);
        if (state is null && _streams.Count >= _maxSsrcs)
        {
            return SrtpResult.SsrcLimitExceeded;
        }
        var window = state?.ReceivedRtp;
        ulong index;
        if (window is null)
        {
            // RFC 3711 3.3.1: the first packet seen sets s_l with a ROC of 0.
            index = header.SequenceNumber;
        }
        else
        {
            var estimate = SrtpPacketIndex.Estimate(window.Highest, header.SequenceNumber);
            if (estimate < 0)
            {
                return SrtpResult.TooOld;
            }
            index = (ulong)estimate;
            // Cheap rejection before any crypto; the window itself moves only after authentication.
            var check = window.Check(index);
            if (check != SrtpResult.Ok)
            {
                return check;
            }
        }
        if (!_cipher.UnprotectRtp(packet, header.Length, header.Ssrc, index))
        {
            return SrtpResult.AuthenticationFailed;
        }
        state ??= AddStream(header.Ssrc);
        if (window is null)
        {
            state.ReceivedRtp = new ReplayWindow(_replayWindowSize, index);
        }
        else
        {
            window.Accept(index);
        }
        length = packet.Length - tagLength;
        return SrtpResult.Ok;
    }

    /// <summary>Encrypts and tags the (compound) RTCP packet in <c>buffer[..length]</c>; E flag, SRTCP index and tag go after it.</summary>
    public SrtpResult ProtectRtcp(Span<byte> buffer, int length, out int protectedLength)
    {
        protectedLength = 0;
        if ((uint)length > (uint)buffer.Length || !IsRtcpHeader(buffer[..length]))
        {
            return SrtpResult.Malformed;
        }
        var overhead = _cipher.RtcpOverhead;
        if (buffer.Length - length < overhead)
        {
            return SrtpResult.BufferTooSmall;
        }
        var ssrc = BinaryPrimitives.ReadUInt32BigEndian(buffer[4..]);
        var state = GetOrAddOwnStream(ssrc);
        if (state is null)
        {
            return SrtpResult.SsrcLimitExceeded;
        }
        if (!state.TryTakeSrtcpIndex(out var index))
        {
            return SrtpResult.IndexExhausted;
        }
        _cipher.ProtectRtcp(buffer[..(length + overhead)], ssrc, index);
        protectedLength = length + overhead;
        return SrtpResult.Ok;
    }

    /// <summary>Authenticates and (if its E flag says so) decrypts the SRTCP packet in place; <paramref name="length"/> is the RTCP length.</summary>
    /// <remarks>Unless the result is <see cref="SrtpResult.Ok"/>, the packet's contents are unspecified.</remarks>
    public SrtpResult UnprotectRtcp(Span<byte> packet, out int length)
    {
        length = 0;
        var overhead = _cipher.RtcpOverhead;
        if (packet.Length < RtcpHeaderLength + overhead || !IsRtcpHeader(packet))
        {
            return SrtpResult.Malformed;
        }
        var ssrc = BinaryPrimitives.ReadUInt32BigEndian(packet[4..]);
        _streams.TryGetValue(ssrc, out var state);
        if (state is null && _streams.Count >= _maxSsrcs)
        {
            return SrtpResult.SsrcLimitExceeded;
        }
        var index = SrtcpIndex.Read(packet[^_cipher.SrtcpIndexOffsetFromEnd..], out var encrypted);
        var window = state?.ReceivedRtcp;
        if (window is not null)
        {
            var check = window.Check(index);
            if (check != SrtpResult.Ok)
            {
                return check;
            }
        }
        if (!_cipher.UnprotectRtcp(packet, ssrc, index, encrypted))
        {
            return SrtpResult.AuthenticationFailed;
        }
        state ??= AddStream(ssrc);
        if (window is null)
        {
            state.ReceivedRtcp = new ReplayWindow(_replayWindowSize, index);
        }
        else
        {
            window.Accept(index);
        }
        length = packet.Length - overhead;
        return SrtpResult.Ok;
    }

    /// <summary>Forgets an SSRC (its stream ended), freeing its slot under <see cref="SrtpContextOptions.MaxSsrcs"/>.</summary>
    /// <remarks>A forgotten SSRC that comes back starts afresh: ROC 0 and an empty replay window.</remarks>
    public bool RemoveSsrc(uint ssrc) => _streams.Remove(ssrc);

    /// <summary>Releases the cipher instances.</summary>
    public void Dispose() => _cipher.Dispose();

    // RFC 3550 6.4: version 2 and at least the header word plus the sender SSRC.
    private static bool IsRtcpHeader(ReadOnlySpan<byte> packet) =>
        packet.Length >= RtcpHeaderLength && packet[0] >> 6 == 2;

    private SsrcState? GetOrAddOwnStream(uint ssrc)
    {
        if (_streams.TryGetValue(ssrc, out var state))
        {
            return state;
        }
        return _streams.Count >= _maxSsrcs ? null : AddStream(ssrc);
    }

    private SsrcState AddStream(uint ssrc)
    {
        var state = new SsrcState();
        _streams.Add(ssrc, state);
        return state;
    }
}
