using System.Buffers.Binary;
using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace Mcu.Stun.Tests;

public class StunMessageReaderTests
{
    private static readonly byte[] ShortTermKey = Encoding.UTF8.GetBytes(Rfc5769Vectors.ShortTermPassword);

    [Fact]
    public void Rfc5769_sample_request_parses_with_every_attribute()
    {
        Assert.True(StunMessageReader.TryParse(Rfc5769Vectors.SampleRequest, out var message));

        Assert.Equal(StunMessageType.BindingRequest, message.MessageType);
        Assert.Equal(StunMethod.Binding, message.Method);
        Assert.Equal(StunMessageClass.Request, message.MessageClass);
        Assert.Equal("b7e7a701bc34d686fa87dfae", message.TransactionId.ToString());
        Assert.True(message.TryGetUsername(out var username));
        Assert.Equal("evtj:h6vY", Encoding.UTF8.GetString(username));
        Assert.True(message.TryGetPriority(out var priority));
        Assert.Equal(0x6e0001ffu, priority);
        Assert.True(message.TryGetIceControlled(out var tieBreaker));
        Assert.Equal(0x932ff9b151263b36UL, tieBreaker);
        Assert.False(message.TryGetIceControlling(out _));
        Assert.False(message.HasUseCandidate);
        Assert.True(message.TryGetAttribute(StunAttributeType.Software, out var software));
        Assert.Equal("STUN test client", Encoding.UTF8.GetString(software));
        Assert.Equal(0, message.UnknownComprehensionRequiredCount);
    }

    [Fact]
    public void Rfc5769_sample_request_integrity_and_fingerprint_verify()
    {
        Assert.True(StunMessageReader.TryParse(Rfc5769Vectors.SampleRequest, out var message));

        Assert.True(message.HasMessageIntegrity);
        Assert.True(message.TryGetAttribute(StunAttributeType.MessageIntegrity, out var hmac));
        Assert.Equal(20, hmac.Length);
        Assert.True(message.VerifyMessageIntegrity(ShortTermKey));
        Assert.False(message.VerifyMessageIntegrity("VOkJxbRl1RmTxUk/WvJxBu"u8));
        Assert.True(message.HasFingerprint);
        Assert.True(message.VerifyFingerprint());
    }

    [Fact]
    public void Rfc5769_ipv4_response_decodes_the_xor_mapped_address()
    {
        Assert.True(StunMessageReader.TryParse(Rfc5769Vectors.SampleIPv4Response, out var message));

        Assert.Equal(StunMessageClass.SuccessResponse, message.MessageClass);
        Assert.True(message.TryGetXorMappedAddress(out var mapped));
        Assert.Equal(new IPEndPoint(IPAddress.Parse("192.0.2.1"), 32853), mapped);
        Assert.True(message.TryGetAttribute(StunAttributeType.Software, out var software));
        Assert.Equal("test vector", Encoding.UTF8.GetString(software));
        Assert.True(message.VerifyMessageIntegrity(ShortTermKey));
        Assert.True(message.VerifyFingerprint());
    }

    [Fact]
    public void Rfc5769_ipv6_response_decodes_the_xor_mapped_address()
    {
        Assert.True(StunMessageReader.TryParse(Rfc5769Vectors.SampleIPv6Response, out var message));

        Assert.True(message.TryGetXorMappedAddress(out var mapped));
        Assert.Equal(new IPEndPoint(IPAddress.Parse("2001:db8:1234:5678:11:2233:4455:6677"), 32853), mapped);
        Assert.True(message.VerifyMessageIntegrity(ShortTermKey));
        Assert.True(message.VerifyFingerprint());
    }

    [Fact]
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "CA5351:Do Not Use Broken Cryptographic Primitives", Justification = "RFC 8489 section 9.2.2 defines the long-term key as MD5.")]
    public void Rfc5769_long_term_request_parses_and_verifies_with_the_md5_key()
    {
        Assert.True(StunMessageReader.TryParse(Rfc5769Vectors.SampleLongTermRequest, out var message));

        Assert.True(message.TryGetUsername(out var username));
        Assert.Equal(Rfc5769Vectors.LongTermUsername, Encoding.UTF8.GetString(username));
        Assert.True(message.TryGetAttribute(StunAttributeType.Nonce, out var nonce));
        Assert.Equal(Rfc5769Vectors.LongTermNonce, Encoding.UTF8.GetString(nonce));
        Assert.True(message.TryGetAttribute(StunAttributeType.Realm, out var realm));
        Assert.Equal(Rfc5769Vectors.LongTermRealm, Encoding.UTF8.GetString(realm));
        Assert.False(message.HasFingerprint);
        Assert.False(message.VerifyFingerprint());

        // RFC 8489 section 9.2.2: key = MD5(username ":" realm ":" SASLprep(password)).
        var key = MD5.HashData(Encoding.UTF8.GetBytes($"{Rfc5769Vectors.LongTermUsername}:{Rfc5769Vectors.LongTermRealm}:{Rfc5769Vectors.LongTermPassword}"));
        Assert.True(message.VerifyMessageIntegrity(key));
    }

    [Fact]
    public void Parsing_and_verifying_allocate_nothing()
    {
        var request = Rfc5769Vectors.SampleRequest;
        var key = ShortTermKey;
        Verify(request, key);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            Assert.True(Verify(request, key));
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);

        static bool Verify(byte[] request, byte[] key) =>
            StunMessageReader.TryParse(request, out var message)
            && message.TryGetUsername(out _)
            && message.TryGetPriority(out _)
            && message.VerifyMessageIntegrity(key)
            && message.VerifyFingerprint();
    }

    [Fact]
    public void A_single_flipped_bit_breaks_integrity_or_fingerprint()
    {
        var tampered = (byte[])Rfc5769Vectors.SampleRequest.Clone();
        tampered[30] ^= 0x01; // inside SOFTWARE

        Assert.True(StunMessageReader.TryParse(tampered, out var message));
        Assert.False(message.VerifyMessageIntegrity(ShortTermKey));
        Assert.False(message.VerifyFingerprint());
    }

    [Theory]
    [InlineData(0, 0x40)] // top bits of the type must be zero
    [InlineData(4, 0x22)] // magic cookie
    [InlineData(3, 0x5C)] // length field larger than the datagram
    [InlineData(3, 0x54)] // length field smaller than the datagram
    public void Header_violations_are_rejected(int index, byte value)
    {
        var message = (byte[])Rfc5769Vectors.SampleRequest.Clone();
        message[index] = value;

        Assert.False(StunMessageReader.IsStun(message));
        Assert.False(StunMessageReader.TryParse(message, out _));
    }

    [Fact]
    public void Truncated_and_too_short_datagrams_are_rejected()
    {
        var request = Rfc5769Vectors.SampleRequest;
        for (var length = 0; length < request.Length; length++)
        {
            Assert.False(StunMessageReader.TryParse(request.AsSpan(0, length), out _));
        }
    }

    [Fact]
    public void A_length_that_is_not_a_multiple_of_four_is_rejected()
    {
        var message = new byte[22];
        WriteHeader(message, StunMessageType.BindingRequest, 2);

        Assert.False(StunMessageReader.IsStun(message));
        Assert.False(StunMessageReader.TryParse(message, out _));
    }

    [Fact]
    public void A_header_only_message_is_valid_and_has_no_attributes()
    {
        var message = new byte[20];
        WriteHeader(message, StunMessageType.BindingRequest, 0);

        Assert.True(StunMessageReader.TryParse(message, out var reader));
        Assert.False(reader.TryGetUsername(out _));
        Assert.False(reader.HasMessageIntegrity);
        Assert.False(reader.VerifyMessageIntegrity(ShortTermKey));
        Assert.False(reader.GetAttributes().MoveNext());
    }

    [Fact]
    public void An_attribute_running_past_the_end_is_rejected()
    {
        var message = Build(Attribute(StunAttributeType.Username, "abcd:efgh"u8));
        BinaryPrimitives.WriteUInt16BigEndian(message.AsSpan(22), 13); // padded length 16 > 12 left

        Assert.False(StunMessageReader.TryParse(message, out _));
    }

    [Fact]
    public void Fingerprint_must_be_the_last_attribute()
    {
        var message = Build(
            Attribute(StunAttributeType.Fingerprint, [0, 0, 0, 0]),
            Attribute(StunAttributeType.Username, "abcd:efgh"u8));

        Assert.False(StunMessageReader.TryParse(message, out _));
    }

    [Theory]
    [InlineData(StunAttributeType.Priority, 5)]
    [InlineData(StunAttributeType.IceControlling, 4)]
    [InlineData(StunAttributeType.IceControlled, 12)]
    [InlineData(StunAttributeType.UseCandidate, 4)]
    [InlineData(StunAttributeType.MessageIntegrity, 16)]
    [InlineData(StunAttributeType.Fingerprint, 8)]
    public void Fixed_size_attributes_with_a_wrong_length_are_malformed(StunAttributeType type, int length)
    {
        var message = Build(Attribute(type, new byte[length]));

        Assert.False(StunMessageReader.TryParse(message, out _));
    }

    [Fact]
    public void Attributes_after_message_integrity_are_ignored_except_fingerprint()
    {
        var message = Build(
            Attribute(StunAttributeType.MessageIntegrity, new byte[20]),
            Attribute(StunAttributeType.Username, "late:user"u8),
            Attribute(StunAttributeType.UseCandidate, []),
            Attribute((StunAttributeType)0x7777, [1, 2, 3, 4]));

        Assert.True(StunMessageReader.TryParse(message, out var reader));
        Assert.False(reader.TryGetUsername(out _));
        Assert.False(reader.TryGetAttribute(StunAttributeType.Username, out _));
        Assert.False(reader.HasUseCandidate);
        Assert.Equal(0, reader.UnknownComprehensionRequiredCount);
    }

    [Fact]
    public void The_first_of_duplicate_attributes_wins()
    {
        var message = Build(
            Attribute(StunAttributeType.Priority, [0, 0, 0, 1]),
            Attribute(StunAttributeType.Priority, [0, 0, 0, 2]));

        Assert.True(StunMessageReader.TryParse(message, out var reader));
        Assert.True(reader.TryGetPriority(out var priority));
        Assert.Equal(1u, priority);
    }

    [Fact]
    public void Unknown_comprehension_required_attributes_are_reported_and_optional_ones_are_not()
    {
        var message = Build(
            Attribute((StunAttributeType)0x0003, [0, 0, 0, 0]), // CHANGE-REQUEST (RFC 5780)
            Attribute((StunAttributeType)0xC057, [0, 1, 0, 1]), // GOOG-NETWORK-INFO
            Attribute(StunAttributeType.MessageIntegritySha256, new byte[32]));

        Assert.True(StunMessageReader.TryParse(message, out var reader));
        Assert.Equal(2, reader.UnknownComprehensionRequiredCount);
        Span<ushort> unknown = stackalloc ushort[4];
        var count = reader.GetUnknownComprehensionRequired(unknown);
        Assert.Equal(new ushort[] { 0x0003, 0x001C }, unknown[..count].ToArray());
    }

    [Fact]
    public void Error_code_is_decoded_into_code_and_reason()
    {
        var message = Build(Attribute(StunAttributeType.ErrorCode, [0, 0, 4, 87, .. "Role Conflict"u8]));

        Assert.True(StunMessageReader.TryParse(message, out var reader));
        Assert.True(reader.TryGetErrorCode(out var code, out var reason));
        Assert.Equal(487, code);
        Assert.Equal("Role Conflict", Encoding.UTF8.GetString(reason));
    }

    [Theory]
    [InlineData(2, 0)] // class below 3
    [InlineData(7, 0)] // class above 6
    [InlineData(4, 100)] // number above 99
    public void Error_codes_out_of_range_are_rejected(byte errorClass, byte number)
    {
        var message = Build(Attribute(StunAttributeType.ErrorCode, [0, 0, errorClass, number]));

        Assert.True(StunMessageReader.TryParse(message, out var reader));
        Assert.False(reader.TryGetErrorCode(out _, out _));
    }

    [Fact]
    public void Mapped_address_is_decoded_without_xor()
    {
        var message = Build(Attribute(StunAttributeType.MappedAddress, [0, 1, 0x0D, 0x96, 203, 0, 113, 7]));

        Assert.True(StunMessageReader.TryParse(message, out var reader));
        Assert.True(reader.TryGetMappedAddress(out var mapped));
        Assert.Equal(new IPEndPoint(IPAddress.Parse("203.0.113.7"), 3478), mapped);
    }

    [Theory]
    [InlineData(new byte[] { 0, 3, 0, 1, 1, 2, 3, 4 })] // unknown family
    [InlineData(new byte[] { 0, 1, 0, 1, 1, 2, 3, 4, 5, 6, 7, 8 })] // IPv4 with 8 address bytes
    [InlineData(new byte[] { 0, 2, 0, 1, 1, 2, 3, 4 })] // IPv6 with 4 address bytes
    public void Malformed_addresses_are_rejected_by_the_getter(byte[] value)
    {
        var message = Build(Attribute(StunAttributeType.XorMappedAddress, value));

        Assert.True(StunMessageReader.TryParse(message, out var reader));
        Assert.False(reader.TryGetXorMappedAddress(out _));
    }

    [Fact]
    public void The_enumerator_walks_attributes_in_wire_order()
    {
        Assert.True(StunMessageReader.TryParse(Rfc5769Vectors.SampleRequest, out var message));

        var types = new List<StunAttributeType>();
        var lengths = new List<int>();
        foreach (var attribute in message.GetAttributes())
        {
            types.Add(attribute.Type);
            lengths.Add(attribute.Value.Length);
        }

        Assert.Equal(
            [StunAttributeType.Software, StunAttributeType.Priority, StunAttributeType.IceControlled, StunAttributeType.Username, StunAttributeType.MessageIntegrity, StunAttributeType.Fingerprint],
            types);
        Assert.Equal([16, 4, 8, 9, 20, 4], lengths);
    }

    [Fact]
    public void Peeking_the_username_finds_it_without_a_reader()
    {
        Assert.True(StunMessageReader.TryPeekUsername(Rfc5769Vectors.SampleRequest, out var username));
        Assert.Equal("evtj:h6vY"u8.ToArray(), username.ToArray());
        Assert.False(StunMessageReader.TryPeekUsername(Rfc5769Vectors.SampleIPv4Response, out _));
    }

    [Fact]
    public void Rtp_and_dtls_datagrams_are_not_stun()
    {
        var rtp = new byte[] { 0x80, 0x60, 0x00, 0x01, 0, 0, 0, 0, 0x21, 0x12, 0xa4, 0x42, 0, 0, 0, 0, 0, 0, 0, 0 };
        var dtls = new byte[] { 0x16, 0xfe, 0xfd, 0x00, 0x21, 0x12, 0xa4, 0x42, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 };

        Assert.False(StunMessageReader.IsStun(rtp));
        Assert.False(StunMessageReader.IsStun(dtls));
        Assert.True(StunMessageReader.IsStun(Rfc5769Vectors.SampleRequest));
    }

    internal static byte[] Attribute(StunAttributeType type, ReadOnlySpan<byte> value)
    {
        var attribute = new byte[4 + ((value.Length + 3) & ~3)];
        BinaryPrimitives.WriteUInt16BigEndian(attribute, (ushort)type);
        BinaryPrimitives.WriteUInt16BigEndian(attribute.AsSpan(2), (ushort)value.Length);
        value.CopyTo(attribute.AsSpan(4));
        return attribute;
    }

    // A Binding request with the given raw attributes and a correct header length.
    internal static byte[] Build(params byte[][] attributes)
    {
        var length = 0;
        foreach (var attribute in attributes)
        {
            length += attribute.Length;
        }
        var message = new byte[20 + length];
        WriteHeader(message, StunMessageType.BindingRequest, length);
        var position = 20;
        foreach (var attribute in attributes)
        {
            attribute.CopyTo(message, position);
            position += attribute.Length;
        }
        return message;
    }

    private static void WriteHeader(Span<byte> message, ushort type, int length)
    {
        BinaryPrimitives.WriteUInt16BigEndian(message, type);
        BinaryPrimitives.WriteUInt16BigEndian(message[2..], (ushort)length);
        BinaryPrimitives.WriteUInt32BigEndian(message[4..], StunHeader.MagicCookie);
        message.Slice(8, 12).Fill(0x5A);
    }
}
