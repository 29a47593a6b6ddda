using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace Mcu.Stun;

/// <summary>
/// Builds one STUN message into a caller buffer: the header first, then attributes in the
/// order they are added, then optionally MESSAGE-INTEGRITY and FINGERPRINT, which are
/// computed over what precedes them. Never allocates.
/// </summary>
/// <remarks>
/// Running out of buffer does not throw: the writer stops writing and
/// <see cref="TryComplete"/> returns false. Adding an attribute after MESSAGE-INTEGRITY
/// (other than FINGERPRINT) is a programming error and throws.
/// </remarks>
public ref struct StunMessageWriter
{
    private readonly Span<byte> _buffer;
    private int _length;
    private bool _overflow;
    private bool _hasIntegrity;
    private bool _hasFingerprint;

    /// <summary>Starts a message of <paramref name="method"/> and <paramref name="messageClass"/>.</summary>
    public StunMessageWriter(Span<byte> buffer, StunMethod method, StunMessageClass messageClass, StunTransactionId transactionId)
    {
        _buffer = buffer;
        if (buffer.Length < StunHeader.Length)
        {
            _overflow = true;
            return;
        }
        BinaryPrimitives.WriteUInt16BigEndian(buffer, StunMessageType.Encode(method, messageClass));
        BinaryPrimitives.WriteUInt16BigEndian(buffer[2..], 0);
        BinaryPrimitives.WriteUInt32BigEndian(buffer[4..], StunHeader.MagicCookie);
        transactionId.CopyTo(buffer[8..]);
        _length = StunHeader.Length;
    }

    /// <summary>
    /// The byte that pads attribute values to 4 bytes. RFC 8489 section 14 wants zero (the
    /// default); RFC 5389 allowed any value, and the RFC 5769 vectors pad with spaces.
    /// </summary>
    public byte PaddingByte { readonly get; set; }

    /// <summary>Bytes written so far.</summary>
    public readonly int Length => _length;

    /// <summary>The finished message length; false when the buffer was too small.</summary>
    public readonly bool TryComplete(out int length)
    {
        length = _overflow ? 0 : _length;
        return !_overflow;
    }

    /// <summary>Appends any attribute.</summary>
    public void AddAttribute(StunAttributeType type, ReadOnlySpan<byte> value)
    {
        if (TryReserve(type, value.Length, out var destination))
        {
            value.CopyTo(destination);
        }
    }

    /// <summary>USERNAME; for ICE "receiverUfrag:senderUfrag" (RFC 8445 section 7.2.2).</summary>
    public void AddUsername(ReadOnlySpan<byte> username) => AddAttribute(StunAttributeType.Username, username);

    /// <summary>SOFTWARE.</summary>
    public void AddSoftware(ReadOnlySpan<byte> software) => AddAttribute(StunAttributeType.Software, software);

    /// <summary>PRIORITY (RFC 8445 section 7.1.1).</summary>
    public void AddPriority(uint priority)
    {
        if (TryReserve(StunAttributeType.Priority, 4, out var destination))
        {
            BinaryPrimitives.WriteUInt32BigEndian(destination, priority);
        }
    }

    /// <summary>USE-CANDIDATE (RFC 8445 section 7.1.2).</summary>
    public void AddUseCandidate() => TryReserve(StunAttributeType.UseCandidate, 0, out _);

    /// <summary>ICE-CONTROLLING with the agent's tie-breaker (RFC 8445 section 7.1.3).</summary>
    public void AddIceControlling(ulong tieBreaker) => AddUInt64(StunAttributeType.IceControlling, tieBreaker);

    /// <summary>ICE-CONTROLLED with the agent's tie-breaker (RFC 8445 section 7.1.3).</summary>
    public void AddIceControlled(ulong tieBreaker) => AddUInt64(StunAttributeType.IceControlled, tieBreaker);

    /// <summary>XOR-MAPPED-ADDRESS (RFC 8489 section 14.2); an IPv4-mapped IPv6 address is written as IPv4.</summary>
    public void AddXorMappedAddress(IPEndPoint endPoint) => AddAddress(StunAttributeType.XorMappedAddress, endPoint, xor: true);

    /// <summary>MAPPED-ADDRESS (RFC 8489 section 14.1).</summary>
    public void AddMappedAddress(IPEndPoint endPoint) => AddAddress(StunAttributeType.MappedAddress, endPoint, xor: false);

    /// <summary>ERROR-CODE (RFC 8489 section 14.8) with a UTF-8 reason phrase.</summary>
    public void AddErrorCode(int code, ReadOnlySpan<byte> reason)
    {
        if (code is < 300 or > 699)
        {
            ThrowHelper.ThrowInvalidErrorCode(code);
        }
        if (TryReserve(StunAttributeType.ErrorCode, 4 + reason.Length, out var destination))
        {
            destination[0] = 0;
            destination[1] = 0;
            destination[2] = (byte)(code / 100);
            destination[3] = (byte)(code % 100);
            reason.CopyTo(destination[4..]);
        }
    }

    /// <summary>UNKNOWN-ATTRIBUTES (RFC 8489 section 14.9).</summary>
    public void AddUnknownAttributes(ReadOnlySpan<ushort> types)
    {
        if (TryReserve(StunAttributeType.UnknownAttributes, 2 * types.Length, out var destination))
        {
            for (var i = 0; i < types.Length; i++)
            {
                BinaryPrimitives.WriteUInt16BigEndian(destination[(2 * i)..], types[i]);
            }
        }
    }

    /// <summary>
    /// MESSAGE-INTEGRITY: HMAC-SHA1 keyed with <paramref name="key"/> over the message so far,
    /// the length field already counting this attribute (RFC 8489 section 14.5).
    /// </summary>
    public void AddMessageIntegrity(ReadOnlySpan<byte> key)
    {
        var start = _length;
        if (TryReserve(StunAttributeType.MessageIntegrity, StunIntegrity.HmacLength, out var destination))
        {
            StunIntegrity.ComputeHmac(key, _buffer[..start], destination);
        }
        _hasIntegrity = true;
    }

    /// <summary>FINGERPRINT over the message so far (RFC 8489 section 14.7); must come last.</summary>
    public void AddFingerprint()
    {
        if (_hasFingerprint)
        {
            ThrowHelper.ThrowAttributeAfterIntegrity();
        }
        var start = _length;
        _hasFingerprint = true; // set first so that TryReserve lets FINGERPRINT follow MESSAGE-INTEGRITY
        if (ReserveCore(StunAttributeType.Fingerprint, 4, out var destination))
        {
            BinaryPrimitives.WriteUInt32BigEndian(destination, StunIntegrity.ComputeFingerprint(_buffer[..start]));
        }
    }

    private void AddUInt64(StunAttributeType type, ulong value)
    {
        if (TryReserve(type, 8, out var destination))
        {
            BinaryPrimitives.WriteUInt64BigEndian(destination, value);
        }
    }

    private void AddAddress(StunAttributeType type, IPEndPoint endPoint, bool xor)
    {
        ArgumentNullException.ThrowIfNull(endPoint);
        if (endPoint.AddressFamily is not (AddressFamily.InterNetwork or AddressFamily.InterNetworkV6))
        {
            ThrowHelper.ThrowUnsupportedAddressFamily(nameof(endPoint));
        }
        if (TryReserve(type, StunAddressCodec.GetValueLength(endPoint), out var destination))
        {
            StunAddressCodec.Write(destination, endPoint, xor, _buffer[..StunHeader.Length]);
        }
    }

    private bool TryReserve(StunAttributeType type, int valueLength, out Span<byte> value)
    {
        if (_hasIntegrity || _hasFingerprint)
        {
            ThrowHelper.ThrowAttributeAfterIntegrity();
        }
        return ReserveCore(type, valueLength, out value);
    }

    // Writes the attribute header and padding, grows the header length field, and hands back
    // the value bytes to fill.
    private bool ReserveCore(StunAttributeType type, int valueLength, out Span<byte> value)
    {
        value = default;
        var total = 4 + StunMessageReader.Pad(valueLength);
        if (_overflow || valueLength > ushort.MaxValue || total > _buffer.Length - _length || _length + total > StunHeader.MaxMessageLength)
        {
            _overflow = true;
            return false;
        }
        var attribute = _buffer.Slice(_length, total);
        BinaryPrimitives.WriteUInt16BigEndian(attribute, (ushort)type);
        BinaryPrimitives.WriteUInt16BigEndian(attribute[2..], (ushort)valueLength);
        attribute[(4 + valueLength)..].Fill(PaddingByte);
        _length += total;
        BinaryPrimitives.WriteUInt16BigEndian(_buffer[2..], (ushort)(_length - StunHeader.Length));
        value = attribute.Slice(4, valueLength);
        return true;
    }
}
