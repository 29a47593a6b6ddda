using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Mcu.Dtls.Records;

/// <summary>
/// AES-GCM protection of one direction's epoch-1 records (RFC 5288 section 3, AAD per RFC 5246 section 6.2.3.3 with
/// the DTLS epoch || sequence_number of RFC 6347 section 4.1.2.1). Uses System.Security.Cryptography.AesGcm rather
/// than BouncyCastle: it is AES-NI/OpenSSL backed and works on spans without allocating.
/// </summary>
internal sealed class AeadRecordProtection : IDisposable
{
    public const int FixedIvLength = 4;
    public const int ExplicitNonceLength = 8;
    public const int TagLength = 16;

    /// <summary>Bytes a protected record adds to its plaintext.</summary>
    public const int Overhead = ExplicitNonceLength + TagLength;

    private const int AdditionalDataLength = 13;

    private readonly AesGcm _aes;
    private readonly byte[] _fixedIv;

    public AeadRecordProtection(ReadOnlySpan<byte> key, ReadOnlySpan<byte> fixedIv)
    {
        _aes = new AesGcm(key, TagLength);
        _fixedIv = fixedIv.ToArray();
    }

    /// <summary>Writes explicit nonce, ciphertext and tag to <paramref name="destination"/>; returns the bytes written.</summary>
    public int Seal(ContentType type, ushort epoch, ulong sequenceNumber, ReadOnlySpan<byte> plaintext, Span<byte> destination)
    {
        // RFC 5288 section 3 only asks that the explicit nonce never repeat under a key; epoch || sequence never does.
        Span<byte> nonce = stackalloc byte[FixedIvLength + ExplicitNonceLength];
        _fixedIv.CopyTo(nonce);
        DtlsRecord.WriteEpochAndSequence(nonce[FixedIvLength..], epoch, sequenceNumber);
        nonce[FixedIvLength..].CopyTo(destination);

        Span<byte> additionalData = stackalloc byte[AdditionalDataLength];
        WriteAdditionalData(additionalData, type, DtlsRecord.Dtls12, epoch, sequenceNumber, plaintext.Length);
        _aes.Encrypt(
            nonce,
            plaintext,
            destination.Slice(ExplicitNonceLength, plaintext.Length),
            destination.Slice(ExplicitNonceLength + plaintext.Length, TagLength),
            additionalData);
        return plaintext.Length + Overhead;
    }

    /// <summary>Authenticates and decrypts a record's fragment into <paramref name="plaintext"/>; false if it is short or forged.</summary>
    public bool TryOpen(in DtlsRecord record, Span<byte> plaintext, out int length)
    {
        ReadOnlySpan<byte> payload = record.Fragment;
        length = payload.Length - Overhead;
        if (length < 0 || length > DtlsRecord.MaxPlaintextLength || length > plaintext.Length)
        {
            length = 0;
            return false;
        }

        Span<byte> nonce = stackalloc byte[FixedIvLength + ExplicitNonceLength];
        _fixedIv.CopyTo(nonce);
        payload[..ExplicitNonceLength].CopyTo(nonce[FixedIvLength..]);

        Span<byte> additionalData = stackalloc byte[AdditionalDataLength];
        WriteAdditionalData(additionalData, record.Type, record.Version, record.Epoch, record.SequenceNumber, length);
        try
        {
            _aes.Decrypt(nonce, payload.Slice(ExplicitNonceLength, length), payload[^TagLength..], plaintext[..length], additionalData);
            return true;
        }
        catch (AuthenticationTagMismatchException)
        {
            length = 0;
            return false;
        }
    }

    public void Dispose() => _aes.Dispose();

    private static void WriteAdditionalData(Span<byte> destination, ContentType type, ushort version, ushort epoch, ulong sequenceNumber, int length)
    {
        DtlsRecord.WriteEpochAndSequence(destination, epoch, sequenceNumber);
        destination[8] = (byte)type;
        BinaryPrimitives.WriteUInt16BigEndian(destination[9..], version);
        BinaryPrimitives.WriteUInt16BigEndian(destination[11..], (ushort)length);
    }
}
