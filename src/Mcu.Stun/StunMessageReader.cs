using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Net;
using System.Security.Cryptography;

namespace Mcu.Stun;

/// <summary>
/// A zero-allocation view over one STUN message (RFC 8489). <see cref="TryParse"/> validates
/// the header and every attribute's bounds once; the getters then read in place.
/// </summary>
/// <remarks>
/// Getters see the first occurrence of an attribute (section 14) and ignore everything after
/// MESSAGE-INTEGRITY except FINGERPRINT (section 14.5). Only the address getters allocate
/// (the returned <see cref="IPEndPoint"/>).
/// </remarks>
public ref struct StunMessageReader
{
    private const int None = -1;

    private ReadOnlySpan<byte> _message;
    private int _username;
    private int _priority;
    private int _useCandidate;
    private int _iceControlling;
    private int _iceControlled;
    private int _xorMappedAddress;
    private int _mappedAddress;
    private int _errorCode;
    private int _integrity;
    private int _fingerprint;

    /// <summary>The message type (method and class bits).</summary>
    public readonly ushort MessageType => BinaryPrimitives.ReadUInt16BigEndian(_message);

    /// <summary>The method, e.g. <see cref="StunMethod.Binding"/>.</summary>
    public readonly StunMethod Method => StunMessageType.GetMethod(MessageType);

    /// <summary>Request, indication, success or error response.</summary>
    public readonly StunMessageClass MessageClass => StunMessageType.GetClass(MessageType);

    /// <summary>The transaction id, by value.</summary>
    public readonly StunTransactionId TransactionId => new(TransactionIdBytes);

    /// <summary>The 12 transaction id bytes in place.</summary>
    public readonly ReadOnlySpan<byte> TransactionIdBytes => _message.Slice(8, StunHeader.TransactionIdLength);

    /// <summary>The whole message.</summary>
    public readonly ReadOnlySpan<byte> Message => _message;

    /// <summary>True when USE-CANDIDATE is present (RFC 8445 section 7.1.2).</summary>
    public readonly bool HasUseCandidate => _useCandidate != None;

    /// <summary>True when MESSAGE-INTEGRITY is present.</summary>
    public readonly bool HasMessageIntegrity => _integrity != None;

    /// <summary>True when FINGERPRINT is present (always as the last attribute).</summary>
    public readonly bool HasFingerprint => _fingerprint != None;

    /// <summary>
    /// Comprehension-required attributes (type below 0x8000) this reader does not know, counted
    /// before MESSAGE-INTEGRITY; a server answers such a request with 420 (RFC 8489 section 6.3.1).
    /// </summary>
    public int UnknownComprehensionRequiredCount { readonly get; private set; }

    /// <summary>
    /// Cheap test for the demultiplexer: top two bits zero, magic cookie, and a length field that
    /// is a multiple of 4 and matches the datagram (RFC 8489 sections 5 and 6.3).
    /// </summary>
    public static bool IsStun(ReadOnlySpan<byte> datagram) =>
        datagram.Length >= StunHeader.Length
        && datagram.Length <= StunHeader.MaxMessageLength
        && (datagram[0] & 0xC0) == 0
        && BinaryPrimitives.ReadUInt32BigEndian(datagram[4..]) == StunHeader.MagicCookie
        && BinaryPrimitives.ReadUInt16BigEndian(datagram[2..]) == datagram.Length - StunHeader.Length
        && (datagram.Length & 3) == 0;

    /// <summary>
    /// Validates <paramref name="datagram"/> as one STUN message: header, attribute bounds and
    /// padding, the fixed lengths of the attributes ICE uses, and FINGERPRINT being last.
    /// Never throws and never reads outside <paramref name="datagram"/>.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<byte> datagram, out StunMessageReader message)
    {
        message = default;
        if (!IsStun(datagram))
        {
            return false;
        }
        var reader = new StunMessageReader { _message = datagram };
        if (!reader.Index())
        {
            return false;
        }
        message = reader;
        return true;
    }

    /// <summary>The USERNAME of a datagram without keeping a reader: what the demultiplexer needs to find a new peer.</summary>
    public static bool TryPeekUsername(ReadOnlySpan<byte> datagram, out ReadOnlySpan<byte> username)
    {
        username = default;
        return TryParse(datagram, out var message) && message.TryGetUsername(out username);
    }

    /// <summary>The attributes in wire order, including any after MESSAGE-INTEGRITY.</summary>
    public readonly StunAttributeEnumerator GetAttributes() => new(_message);

    /// <summary>The first attribute of <paramref name="type"/> up to MESSAGE-INTEGRITY, or FINGERPRINT.</summary>
    public readonly bool TryGetAttribute(StunAttributeType type, out ReadOnlySpan<byte> value)
    {
        if (type == StunAttributeType.Fingerprint)
        {
            return TryGetValue(_fingerprint, out value);
        }
        var end = _integrity == None ? _message.Length : _integrity;
        var attributes = GetAttributes();
        while (attributes.MoveNext() && attributes.CurrentOffset <= end)
        {
            if (attributes.Current.Type == type)
            {
                value = attributes.Current.Value;
                return true;
            }
        }
        value = default;
        return false;
    }

    /// <summary>USERNAME (RFC 8489 section 14.3); for ICE "receiverUfrag:senderUfrag".</summary>
    public readonly bool TryGetUsername(out ReadOnlySpan<byte> username) => TryGetValue(_username, out username);

    /// <summary>PRIORITY (RFC 8445 section 7.1.1).</summary>
    public readonly bool TryGetPriority(out uint priority)
    {
        var found = TryGetValue(_priority, out var value);
        priority = found ? BinaryPrimitives.ReadUInt32BigEndian(value) : 0;
        return found;
    }

    /// <summary>The tie-breaker of ICE-CONTROLLING (RFC 8445 section 7.1.3).</summary>
    public readonly bool TryGetIceControlling(out ulong tieBreaker) => TryGetUInt64(_iceControlling, out tieBreaker);

    /// <summary>The tie-breaker of ICE-CONTROLLED (RFC 8445 section 7.1.3).</summary>
    public readonly bool TryGetIceControlled(out ulong tieBreaker) => TryGetUInt64(_iceControlled, out tieBreaker);

    /// <summary>XOR-MAPPED-ADDRESS (RFC 8489 section 14.2), IPv4 or IPv6; false when absent or malformed.</summary>
    public readonly bool TryGetXorMappedAddress([NotNullWhen(true)] out IPEndPoint? endPoint)
    {
        endPoint = null;
        return TryGetValue(_xorMappedAddress, out var value)
            && StunAddressCodec.TryRead(value, xor: true, _message[..StunHeader.Length], out endPoint);
    }

    /// <summary>MAPPED-ADDRESS (RFC 8489 section 14.1); false when absent or malformed.</summary>
    public readonly bool TryGetMappedAddress([NotNullWhen(true)] out IPEndPoint? endPoint)
    {
        endPoint = null;
        return TryGetValue(_mappedAddress, out var value)
            && StunAddressCodec.TryRead(value, xor: false, _message[..StunHeader.Length], out endPoint);
    }

    /// <summary>
    /// ERROR-CODE (RFC 8489 section 14.8): the code (class * 100 + number, 300-699) and the
    /// UTF-8 reason phrase; false when absent or out of range.
    /// </summary>
    public readonly bool TryGetErrorCode(out int code, out ReadOnlySpan<byte> reason)
    {
        code = 0;
        reason = default;
        if (!TryGetValue(_errorCode, out var value) || value.Length < 4)
        {
            return false;
        }
        var errorClass = value[2] & 0x07;
        var number = value[3];
        if (errorClass is < 3 or > 6 || number > 99)
        {
            return false;
        }
        code = (errorClass * 100) + number;
        reason = value[4..];
        return true;
    }

    /// <summary>
    /// Writes the unknown comprehension-required attribute types (see
    /// <see cref="UnknownComprehensionRequiredCount"/>) into <paramref name="destination"/>
    /// for UNKNOWN-ATTRIBUTES; returns how many were written.
    /// </summary>
    public readonly int GetUnknownComprehensionRequired(Span<ushort> destination)
    {
        var count = 0;
        var end = _integrity == None ? _message.Length : _integrity;
        var attributes = GetAttributes();
        while (count < destination.Length && attributes.MoveNext() && attributes.CurrentOffset < end)
        {
            var type = (ushort)attributes.Current.Type;
            if (attributes.Current.IsComprehensionRequired && !IsKnown(type))
            {
                destination[count++] = type;
            }
        }
        return count;
    }

    /// <summary>
    /// Checks MESSAGE-INTEGRITY (RFC 8489 section 14.5) with <paramref name="key"/>: for ICE's
    /// short-term credentials, the password's UTF-8 bytes (section 9.1.1). Constant-time compare.
    /// </summary>
    public readonly bool VerifyMessageIntegrity(ReadOnlySpan<byte> key)
    {
        if (_integrity == None)
        {
            return false;
        }
        Span<byte> expected = stackalloc byte[StunIntegrity.HmacLength];
        StunIntegrity.ComputeHmac(key, _message[.._integrity], expected);
        return CryptographicOperations.FixedTimeEquals(expected, _message.Slice(_integrity + 4, StunIntegrity.HmacLength));
    }

    /// <summary>Checks FINGERPRINT (RFC 8489 section 14.7); false when absent.</summary>
    public readonly bool VerifyFingerprint() =>
        _fingerprint != None
        && BinaryPrimitives.ReadUInt32BigEndian(_message[(_fingerprint + 4)..]) == StunIntegrity.ComputeFingerprint(_message[.._fingerprint]);

    internal static int Pad(int length) => (length + 3) & ~3;

    private bool Index()
    {
        _username = _priority = _useCandidate = _iceControlling = _iceControlled = None;
        _xorMappedAddress = _mappedAddress = _errorCode = _integrity = _fingerprint = None;
        var position = StunHeader.Length;
        while (position < _message.Length)
        {
            if (_fingerprint != None)
            {
                return false; // FINGERPRINT must be the last attribute (section 14.7).
            }

            // The length and every position are multiples of 4, so an attribute header fits.
            var type = BinaryPrimitives.ReadUInt16BigEndian(_message[position..]);
            var length = BinaryPrimitives.ReadUInt16BigEndian(_message[(position + 2)..]);
            if (Pad(length) > _message.Length - position - 4)
            {
                return false;
            }
            if (type == (ushort)StunAttributeType.Fingerprint)
            {
                if (length != 4)
                {
                    return false;
                }
                _fingerprint = position;
            }
            else if (_integrity == None && !Remember(type, length, position))
            {
                return false;
            }
            position += 4 + Pad(length);
        }
        return true;
    }

    // Records the first occurrence of each attribute the getters use and checks fixed lengths.
    private bool Remember(ushort type, int length, int position)
    {
        switch ((StunAttributeType)type)
        {
            case StunAttributeType.Username:
                First(ref _username, position);
                return true;
            case StunAttributeType.Priority:
                First(ref _priority, position);
                return length == 4;
            case StunAttributeType.UseCandidate:
                First(ref _useCandidate, position);
                return length == 0;
            case StunAttributeType.IceControlling:
                First(ref _iceControlling, position);
                return length == 8;
            case StunAttributeType.IceControlled:
                First(ref _iceControlled, position);
                return length == 8;
            case StunAttributeType.XorMappedAddress:
                First(ref _xorMappedAddress, position);
                return true;
            case StunAttributeType.MappedAddress:
                First(ref _mappedAddress, position);
                return true;
            case StunAttributeType.ErrorCode:
                First(ref _errorCode, position);
                return true;
            case StunAttributeType.MessageIntegrity:
                _integrity = position;
                return length == StunIntegrity.HmacLength;
            default:
                if (type < 0x8000 && !IsKnown(type))
                {
                    UnknownComprehensionRequiredCount++;
                }
                return true;
        }
    }

    private static void First(ref int field, int position)
    {
        if (field == None)
        {
            field = position;
        }
    }

    private static bool IsKnown(ushort type) => (StunAttributeType)type is StunAttributeType.MappedAddress
        or StunAttributeType.Username
        or StunAttributeType.MessageIntegrity
        or StunAttributeType.ErrorCode
        or StunAttributeType.UnknownAttributes
        or StunAttributeType.Realm
        or StunAttributeType.Nonce
        or StunAttributeType.XorMappedAddress
        or StunAttributeType.Priority
        or StunAttributeType.UseCandidate;

    private readonly bool TryGetValue(int position, out ReadOnlySpan<byte> value)
    {
        if (position == None)
        {
            value = default;
            return false;
        }
        var length = BinaryPrimitives.ReadUInt16BigEndian(_message[(position + 2)..]);
        value = _message.Slice(position + 4, length);
        return true;
    }

    private readonly bool TryGetUInt64(int position, out ulong result)
    {
        var found = TryGetValue(position, out var value);
        result = found ? BinaryPrimitives.ReadUInt64BigEndian(value) : 0;
        return found;
    }
}
