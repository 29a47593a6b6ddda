using System.Security.Cryptography;
using Mcu.Dtls.Crypto;
using Mcu.Dtls.Records;

namespace Mcu.Dtls.Tests.Crypto;

public sealed class SessionSecretsTests
{
    private static readonly byte[] PreMaster = RandomNumberGenerator.GetBytes(32);
    private static readonly byte[] ClientRandom = RandomNumberGenerator.GetBytes(32);
    private static readonly byte[] ServerRandom = RandomNumberGenerator.GetBytes(32);

    [Fact]
    public void Master_secret_follows_RFC_5246_without_EMS_and_RFC_7627_with_it()
    {
        byte[] sessionHash = SHA256.HashData("transcript"u8);
        var classic = new SessionSecrets(CipherSuite.EcdheEcdsaAes128GcmSha256, PreMaster, ClientRandom, ServerRandom, []);
        var extended = new SessionSecrets(CipherSuite.EcdheEcdsaAes128GcmSha256, PreMaster, ClientRandom, ServerRandom, sessionHash);

        byte[] classicMaster = new byte[48];
        TlsPrf.Derive(HashAlgorithmName.SHA256, PreMaster, "master secret"u8, ClientRandom, ServerRandom, classicMaster);
        byte[] extendedMaster = new byte[48];
        TlsPrf.Derive(HashAlgorithmName.SHA256, PreMaster, "extended master secret"u8, sessionHash, extendedMaster);

        Assert.Equal(ExporterFrom(classicMaster), Export(classic));
        Assert.Equal(ExporterFrom(extendedMaster), Export(extended));
    }

    [Fact]
    public void Record_keys_come_from_the_key_block_in_RFC_5246_order()
    {
        var secrets = new SessionSecrets(CipherSuite.EcdheEcdsaAes128GcmSha256, PreMaster, ClientRandom, ServerRandom, []);
        byte[] master = new byte[48];
        TlsPrf.Derive(HashAlgorithmName.SHA256, PreMaster, "master secret"u8, ClientRandom, ServerRandom, master);
        byte[] keyBlock = new byte[40];
        TlsPrf.Derive(HashAlgorithmName.SHA256, master, "key expansion"u8, ServerRandom, ClientRandom, keyBlock);
        using var expectedClient = new AeadRecordProtection(keyBlock.AsSpan(0, 16), keyBlock.AsSpan(32, 4));
        using var expectedServer = new AeadRecordProtection(keyBlock.AsSpan(16, 16), keyBlock.AsSpan(36, 4));

        (AeadRecordProtection clientWrite, AeadRecordProtection serverWrite) = secrets.CreateRecordProtection();
        using (clientWrite)
        using (serverWrite)
        {
            Assert.True(RecordSealedBy(clientWrite).OpensWith(expectedClient));
            Assert.True(RecordSealedBy(serverWrite).OpensWith(expectedServer));
            Assert.False(RecordSealedBy(clientWrite).OpensWith(expectedServer));
        }
    }

    [Fact]
    public void Finished_verify_data_is_twelve_bytes_and_differs_by_sender()
    {
        var secrets = new SessionSecrets(CipherSuite.EcdheEcdsaAes256GcmSha384, PreMaster, ClientRandom, ServerRandom, []);
        byte[] hash = SHA384.HashData("handshake"u8);
        byte[] client = new byte[12];
        byte[] server = new byte[12];

        secrets.ComputeVerifyData(fromClient: true, hash, client);
        secrets.ComputeVerifyData(fromClient: false, hash, server);

        Assert.NotEqual(client, server);
        Assert.NotEqual(new byte[12], client);
    }

    private static byte[] Export(SessionSecrets secrets)
    {
        byte[] output = new byte[56];
        secrets.Export("EXTRACTOR-dtls_srtp"u8, output);
        return output;
    }

    private static byte[] ExporterFrom(byte[] master)
    {
        byte[] output = new byte[56];
        TlsPrf.Derive(HashAlgorithmName.SHA256, master, "EXTRACTOR-dtls_srtp"u8, ClientRandom, ServerRandom, output);
        return output;
    }

    private static SealedRecord RecordSealedBy(AeadRecordProtection protection)
    {
        byte[] record = new byte[DtlsRecord.HeaderLength + 5 + AeadRecordProtection.Overhead];
        DtlsRecord.WriteHeader(record, ContentType.Alert, 1, 7, 5 + AeadRecordProtection.Overhead);
        protection.Seal(ContentType.Alert, 1, 7, "hello"u8, record.AsSpan(DtlsRecord.HeaderLength));
        return new SealedRecord(record);
    }

    private sealed record SealedRecord(byte[] Bytes)
    {
        public bool OpensWith(AeadRecordProtection protection)
        {
            Assert.True(DtlsRecord.TryRead(Bytes, out DtlsRecord record, out _));
            return protection.TryOpen(record, new byte[64], out _);
        }
    }
}
