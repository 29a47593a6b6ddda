using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Net;
using System.Net.Sockets;

namespace Mcu.Stun;

/// <summary>
/// The value of MAPPED-ADDRESS and XOR-MAPPED-ADDRESS (RFC 8489 sections 14.1 and 14.2):
/// reserved byte, family, port, then 4 or 16 address bytes.
/// </summary>
internal static class StunAddressCodec
{
    private const byte FamilyIPv4 = 0x01;
    private const byte FamilyIPv6 = 0x02;
    private const int IPv4ValueLength = 8;
    private const int IPv6ValueLength = 20;

    // The XOR key, the magic cookie followed by the transaction id, is the header from byte 4.
    private const int XorKeyOffset = 4;

    public static int GetValueLength(IPEndPoint endPoint) =>
        endPoint.AddressFamily == AddressFamily.InterNetwork || endPoint.Address.IsIPv4MappedToIPv6
            ? IPv4ValueLength
            : IPv6ValueLength;

    /// <summary>Encodes <paramref name="endPoint"/>; <paramref name="header"/> is the message header when XORing.</summary>
    public static void Write(Span<byte> value, IPEndPoint endPoint, bool xor, ReadOnlySpan<byte> header)
    {
        Span<byte> address = stackalloc byte[16];
        endPoint.Address.TryWriteBytes(address, out var written);
        address = address[..written];
        if (endPoint.Address.IsIPv4MappedToIPv6)
        {
            // A dual-mode socket reports IPv4 peers as ::ffff:a.b.c.d; the peer knows itself
            // by its IPv4 address, so that is what it must be told.
            address = address[12..];
        }

        value[0] = 0;
        value[1] = address.Length == 4 ? FamilyIPv4 : FamilyIPv6;
        BinaryPrimitives.WriteUInt16BigEndian(value[2..], (ushort)endPoint.Port);
        address.CopyTo(value[4..]);
        if (xor)
        {
            XorInPlace(value, header);
        }
    }

    /// <summary>Decodes an address value; false when the family or the length is wrong.</summary>
    public static bool TryRead(ReadOnlySpan<byte> value, bool xor, ReadOnlySpan<byte> header, [NotNullWhen(true)] out IPEndPoint? endPoint)
    {
        endPoint = null;
        if (value.Length < 4)
        {
            return false;
        }
        var expected = value[1] switch
        {
            FamilyIPv4 => IPv4ValueLength,
            FamilyIPv6 => IPv6ValueLength,
            _ => 0,
        };
        if (expected == 0 || value.Length != expected)
        {
            return false;
        }

        Span<byte> plain = stackalloc byte[IPv6ValueLength];
        plain = plain[..expected];
        value.CopyTo(plain);
        if (xor)
        {
            XorInPlace(plain, header);
        }
        var port = BinaryPrimitives.ReadUInt16BigEndian(plain[2..]);
        endPoint = new IPEndPoint(new IPAddress(plain[4..]), port);
        return true;
    }

    private static void XorInPlace(Span<byte> value, ReadOnlySpan<byte> header)
    {
        // Port: the most significant 16 bits of the cookie. Address: the cookie (IPv4) or
        // the cookie and the transaction id (IPv6), both starting at header byte 4.
        var key = header.Slice(XorKeyOffset, value.Length - 4);
        value[2] ^= key[0];
        value[3] ^= key[1];
        for (var i = 0; i < key.Length; i++)
        {
            value[4 + i] ^= key[i];
        }
    }
}
