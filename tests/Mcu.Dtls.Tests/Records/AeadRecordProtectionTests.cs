using System.Security.Cryptography;
using Mcu.Dtls.Records;

namespace Mcu.Dtls.Tests.Records;

public sealed class AeadRecordProtectionTests
{
    private static readonly byte[] Key = RandomNumberGenerator.GetBytes(16);
    private static readonly byte[] Iv = RandomNumberGenerator.GetBytes(4);

    [Fact]
    public void Opens_what_it_sealed_with_an_explicit_nonce_of_epoch_and_sequence()
    {
        using var protection = new AeadRecordProtection(Key, Iv);
        byte[] record = Seal(protection, ContentType.Handshake, 1, 42, "finished!"u8);

        Assert.True(DtlsRecord.TryRead(record, out DtlsRecord parsed, out _));
        byte[] plaintext = new byte[64];
        Assert.True(protection.TryOpen(parsed, plaintext, out int length));

        Assert.Equal("finished!"u8.ToArray(), plaintext.AsSpan(0, length).ToArray());
        Assert.Equal([0, 1, 0, 0, 0, 0, 0, 42], parsed.Fragment[..8].ToArray());
        Assert.Equal(9 + AeadRecordProtection.Overhead, parsed.Fragment.Length);
    }

    [Fact]
    public void Rejects_a_record_whose_ciphertext_or_header_changed()
    {
        using var protection = new AeadRecordProtection(Key, Iv);
        byte[] original = Seal(protection, ContentType.Alert, 1, 3, [1, 0]);

        for (int i = 0; i < original.Length; i++)
        {
            // The length field changes the framing instead; it is covered by the AAD through the plaintext length.
            if (i is 11 or 12)
            {
                continue;
            }

            byte[] tampered = (byte[])original.Clone();
            tampered[i] ^= 0x40;
            if (!DtlsRecord.TryRead(tampered, out DtlsRecord record, out _))
            {
                continue;
            }

            Assert.False(protection.TryOpen(record, new byte[64], out _), $"byte {i} changed yet the record opened");
        }
    }

    [Fact]
    public void Rejects_records_shorter_than_nonce_and_tag()
    {
        using var protection = new AeadRecordProtection(Key, Iv);
        byte[] record = new byte[DtlsRecord.HeaderLength + AeadRecordProtection.Overhead - 1];
        DtlsRecord.WriteHeader(record, ContentType.Alert, 1, 0, AeadRecordProtection.Overhead - 1);

        Assert.True(DtlsRecord.TryRead(record, out DtlsRecord parsed, out _));
        Assert.False(protection.TryOpen(parsed, new byte[64], out int length));
        Assert.Equal(0, length);
    }

    private static byte[] Seal(AeadRecordProtection protection, ContentType type, ushort epoch, ulong sequence, ReadOnlySpan<byte> plaintext)
    {
        byte[] record = new byte[DtlsRecord.HeaderLength + plaintext.Length + AeadRecordProtection.Overhead];
        DtlsRecord.WriteHeader(record, type, epoch, sequence, plaintext.Length + AeadRecordProtection.Overhead);
        int written = protection.Seal(type, epoch, sequence, plaintext, record.AsSpan(DtlsRecord.HeaderLength));
        Assert.Equal(record.Length - DtlsRecord.HeaderLength, written);
        return record;
    }
}
