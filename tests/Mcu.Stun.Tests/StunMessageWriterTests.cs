using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace Mcu.Stun.Tests;

public class StunMessageWriterTests
{
    private static readonly byte[] ShortTermKey = Encoding.UTF8.GetBytes(Rfc5769Vectors.ShortTermPassword);
    private static readonly StunTransactionId VectorId = new([0xb7, 0xe7, 0xa7, 0x01, 0xbc, 0x34, 0xd6, 0x86, 0xfa, 0x87, 0xdf, 0xae]);

    [Fact]
    public void Reproduces_the_rfc5769_sample_request()
    {
        var buffer = new byte[256];
        var writer = new StunMessageWriter(buffer, StunMethod.Binding, StunMessageClass.Request, VectorId) { PaddingByte = 0x20 };
        writer.AddSoftware("STUN test client"u8);
        writer.AddPriority(0x6e0001ff);
        writer.AddIceControlled(0x932ff9b151263b36);
        writer.AddUsername("evtj:h6vY"u8);
        writer.AddMessageIntegrity(ShortTermKey);
        writer.AddFingerprint();

        Assert.True(writer.TryComplete(out var length));
        Assert.Equal(Rfc5769Vectors.SampleRequest, buffer[..length]);
    }

    [Fact]
    public void Reproduces_the_rfc5769_ipv4_response()
    {
        Assert.Equal(Rfc5769Vectors.SampleIPv4Response, WriteVectorResponse(new IPEndPoint(IPAddress.Parse("192.0.2.1"), 32853)));
    }

    [Fact]
    public void Reproduces_the_rfc5769_ipv6_response()
    {
        Assert.Equal(Rfc5769Vectors.SampleIPv6Response, WriteVectorResponse(new IPEndPoint(IPAddress.Parse("2001:db8:1234:5678:11:2233:4455:6677"), 32853)));
    }

    [Fact]
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "CA5351:Do Not Use Broken Cryptographic Primitives", Justification = "RFC 8489 section 9.2.2 defines the long-term key as MD5.")]
    public void Reproduces_the_rfc5769_long_term_request()
    {
        var key = MD5.HashData(Encoding.UTF8.GetBytes($"{Rfc5769Vectors.LongTermUsername}:{Rfc5769Vectors.LongTermRealm}:{Rfc5769Vectors.LongTermPassword}"));
        var id = new StunTransactionId([0x78, 0xad, 0x34, 0x33, 0xc6, 0xad, 0x72, 0xc0, 0x29, 0xda, 0x41, 0x2e]);
        var buffer = new byte[256];
        var writer = new StunMessageWriter(buffer, StunMethod.Binding, StunMessageClass.Request, id);
        writer.AddUsername(Encoding.UTF8.GetBytes(Rfc5769Vectors.LongTermUsername));
        writer.AddAttribute(StunAttributeType.Nonce, Encoding.ASCII.GetBytes(Rfc5769Vectors.LongTermNonce));
        writer.AddAttribute(StunAttributeType.Realm, Encoding.ASCII.GetBytes(Rfc5769Vectors.LongTermRealm));
        writer.AddMessageIntegrity(key);

        Assert.True(writer.TryComplete(out var length));
        Assert.Equal(Rfc5769Vectors.SampleLongTermRequest, buffer[..length]);
    }

    [Fact]
    public void An_ice_check_round_trips_through_the_reader()
    {
        var id = StunTransactionId.CreateRandom();
        var buffer = new byte[256];
        var writer = new StunMessageWriter(buffer, StunMethod.Binding, StunMessageClass.Request, id);
        writer.AddUsername("remote:local"u8);
        writer.AddPriority(1853824767);
        writer.AddIceControlling(0x0102030405060708);
        writer.AddUseCandidate();
        writer.AddMessageIntegrity("a-password-of-22-chars"u8);
        writer.AddFingerprint();
        Assert.True(writer.TryComplete(out var length));

        Assert.True(StunMessageReader.TryParse(buffer.AsSpan(0, length), out var reader));
        Assert.Equal(id, reader.TransactionId);
        Assert.Equal(StunMessageType.BindingRequest, reader.MessageType);
        Assert.True(reader.TryGetUsername(out var username));
        Assert.Equal("remote:local"u8.ToArray(), username.ToArray());
        Assert.True(reader.TryGetPriority(out var priority));
        Assert.Equal(1853824767u, priority);
        Assert.True(reader.TryGetIceControlling(out var tieBreaker));
        Assert.Equal(0x0102030405060708UL, tieBreaker);
        Assert.True(reader.HasUseCandidate);
        Assert.True(reader.VerifyMessageIntegrity("a-password-of-22-chars"u8));
        Assert.True(reader.VerifyFingerprint());
    }

    [Fact]
    public void An_error_response_round_trips_with_unknown_attributes()
    {
        var buffer = new byte[256];
        var writer = new StunMessageWriter(buffer, StunMethod.Binding, StunMessageClass.ErrorResponse, StunTransactionId.CreateRandom());
        writer.AddErrorCode(StunErrorCodes.UnknownAttribute, StunErrorCodes.GetReason(StunErrorCodes.UnknownAttribute));
        writer.AddUnknownAttributes([0x0003, 0x001C, 0x7F00]);
        Assert.True(writer.TryComplete(out var length));

        Assert.True(StunMessageReader.TryParse(buffer.AsSpan(0, length), out var reader));
        Assert.Equal(StunMessageType.BindingErrorResponse, reader.MessageType);
        Assert.True(reader.TryGetErrorCode(out var code, out var reason));
        Assert.Equal(420, code);
        Assert.Equal("Unknown Attribute", Encoding.UTF8.GetString(reason));
        Assert.True(reader.TryGetAttribute(StunAttributeType.UnknownAttributes, out var unknown));
        Assert.Equal(new byte[] { 0x00, 0x03, 0x00, 0x1C, 0x7F, 0x00 }, unknown.ToArray());
    }

    [Fact]
    public void Ipv4_mapped_ipv6_sources_are_reported_as_ipv4()
    {
        var buffer = new byte[64];
        var writer = new StunMessageWriter(buffer, StunMethod.Binding, StunMessageClass.SuccessResponse, StunTransactionId.CreateRandom());
        writer.AddXorMappedAddress(new IPEndPoint(IPAddress.Parse("::ffff:198.51.100.9"), 50000));
        Assert.True(writer.TryComplete(out var length));

        Assert.Equal(32, length);
        Assert.True(StunMessageReader.TryParse(buffer.AsSpan(0, length), out var reader));
        Assert.True(reader.TryGetXorMappedAddress(out var mapped));
        Assert.Equal(new IPEndPoint(IPAddress.Parse("198.51.100.9"), 50000), mapped);
    }

    [Fact]
    public void Mapped_address_round_trips_for_ipv6()
    {
        var endPoint = new IPEndPoint(IPAddress.Parse("2001:db8::42"), 3478);
        var buffer = new byte[64];
        var writer = new StunMessageWriter(buffer, StunMethod.Binding, StunMessageClass.SuccessResponse, StunTransactionId.CreateRandom());
        writer.AddMappedAddress(endPoint);
        Assert.True(writer.TryComplete(out var length));

        Assert.True(StunMessageReader.TryParse(buffer.AsSpan(0, length), out var reader));
        Assert.True(reader.TryGetMappedAddress(out var mapped));
        Assert.Equal(endPoint, mapped);
    }

    [Fact]
    public void A_too_small_buffer_fails_to_complete_without_throwing_or_overrunning()
    {
        var full = WriteVectorResponse(new IPEndPoint(IPAddress.Parse("192.0.2.1"), 32853));
        for (var size = 0; size < full.Length; size++)
        {
            var buffer = new byte[size + 8];
            buffer.AsSpan(size).Fill(0xEE);
            var writer = new StunMessageWriter(buffer.AsSpan(0, size), StunMethod.Binding, StunMessageClass.SuccessResponse, VectorId);
            writer.AddSoftware("test vector"u8);
            writer.AddXorMappedAddress(new IPEndPoint(IPAddress.Parse("192.0.2.1"), 32853));
            writer.AddMessageIntegrity(ShortTermKey);
            writer.AddFingerprint();

            Assert.False(writer.TryComplete(out var length));
            Assert.Equal(0, length);
            Assert.All(buffer[size..], b => Assert.Equal(0xEE, b));
        }
    }

    [Fact]
    public void Attributes_after_message_integrity_are_refused()
    {
        var buffer = new byte[128];
        var writer = new StunMessageWriter(buffer, StunMethod.Binding, StunMessageClass.Request, StunTransactionId.CreateRandom());
        writer.AddMessageIntegrity(ShortTermKey);

        var thrown = false;
        try
        {
            writer.AddPriority(1);
        }
        catch (InvalidOperationException)
        {
            thrown = true;
        }
        Assert.True(thrown);
    }

    [Fact]
    public void Nothing_may_follow_fingerprint()
    {
        var buffer = new byte[128];
        var writer = new StunMessageWriter(buffer, StunMethod.Binding, StunMessageClass.Request, StunTransactionId.CreateRandom());
        writer.AddFingerprint();

        var thrown = false;
        try
        {
            writer.AddFingerprint();
        }
        catch (InvalidOperationException)
        {
            thrown = true;
        }
        Assert.True(thrown);
    }

    [Fact]
    public void Padding_is_zero_by_default()
    {
        var buffer = new byte[64];
        buffer.AsSpan().Fill(0xFF);
        var writer = new StunMessageWriter(buffer, StunMethod.Binding, StunMessageClass.Request, StunTransactionId.CreateRandom());
        writer.AddUsername("abcde"u8);
        Assert.True(writer.TryComplete(out var length));

        Assert.Equal(32, length);
        Assert.Equal(new byte[] { 0, 0, 0 }, buffer[29..32]);
    }

    private static byte[] WriteVectorResponse(IPEndPoint mapped)
    {
        var buffer = new byte[256];
        var writer = new StunMessageWriter(buffer, StunMethod.Binding, StunMessageClass.SuccessResponse, VectorId) { PaddingByte = 0x20 };
        writer.AddSoftware("test vector"u8);
        writer.AddXorMappedAddress(mapped);
        writer.AddMessageIntegrity(ShortTermKey);
        writer.AddFingerprint();
        Assert.True(writer.TryComplete(out var length));
        return buffer[..length];
    }
}
