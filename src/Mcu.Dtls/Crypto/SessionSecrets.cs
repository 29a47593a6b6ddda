using System.Security.Cryptography;
using Mcu.Dtls.Records;

namespace Mcu.Dtls.Crypto;

/// <summary>
/// The master secret of one handshake and what derives from it: record keys (RFC 5246 section 6.3), Finished
/// verify_data (section 7.4.9) and exported keying material (RFC 5705 section 4).
/// </summary>
internal sealed class SessionSecrets
{
    public const int VerifyDataLength = 12;
    private const int MasterSecretLength = 48;

    private readonly CipherSuite _suite;
    private readonly byte[] _masterSecret = new byte[MasterSecretLength];
    private readonly byte[] _clientRandom;
    private readonly byte[] _serverRandom;

    /// <summary>
    /// Derives the master secret: from the session hash with the extended master secret (RFC 7627 section 4) when
    /// <paramref name="sessionHash"/> is not empty, else from the hello randoms (RFC 5246 section 8.1).
    /// </summary>
    public SessionSecrets(CipherSuite suite, ReadOnlySpan<byte> preMasterSecret, ReadOnlySpan<byte> clientRandom, ReadOnlySpan<byte> serverRandom, ReadOnlySpan<byte> sessionHash)
    {
        _suite = suite;
        _clientRandom = clientRandom.ToArray();
        _serverRandom = serverRandom.ToArray();
        if (sessionHash.IsEmpty)
        {
            TlsPrf.Derive(suite.PrfHash, preMasterSecret, "master secret"u8, clientRandom, serverRandom, _masterSecret);
        }
        else
        {
            TlsPrf.Derive(suite.PrfHash, preMasterSecret, "extended master secret"u8, sessionHash, _masterSecret);
        }
    }

    /// <summary>
    /// Splits the key block into client and server write keys and 4-byte implicit IVs; AEAD suites have no MAC keys
    /// (RFC 5288 section 3). The caller owns the returned objects.
    /// </summary>
    public (AeadRecordProtection ClientWrite, AeadRecordProtection ServerWrite) CreateRecordProtection()
    {
        int keyLength = _suite.KeyLength;
        Span<byte> keyBlock = stackalloc byte[(2 * 32) + (2 * AeadRecordProtection.FixedIvLength)];
        keyBlock = keyBlock[..((2 * keyLength) + (2 * AeadRecordProtection.FixedIvLength))];
        TlsPrf.Derive(_suite.PrfHash, _masterSecret, "key expansion"u8, _serverRandom, _clientRandom, keyBlock);
        var clientWrite = new AeadRecordProtection(keyBlock[..keyLength], keyBlock.Slice(2 * keyLength, AeadRecordProtection.FixedIvLength));
        var serverWrite = new AeadRecordProtection(
            keyBlock.Slice(keyLength, keyLength),
            keyBlock.Slice((2 * keyLength) + AeadRecordProtection.FixedIvLength, AeadRecordProtection.FixedIvLength));
        CryptographicOperations.ZeroMemory(keyBlock);
        return (clientWrite, serverWrite);
    }

    public void ComputeVerifyData(bool fromClient, ReadOnlySpan<byte> handshakeHash, Span<byte> verifyData) =>
        TlsPrf.Derive(_suite.PrfHash, _masterSecret, fromClient ? "client finished"u8 : "server finished"u8, handshakeHash, verifyData[..VerifyDataLength]);

    /// <summary>RFC 5705 keying material exporter without a context value.</summary>
    public void Export(ReadOnlySpan<byte> label, Span<byte> output) =>
        TlsPrf.Derive(_suite.PrfHash, _masterSecret, label, _clientRandom, _serverRandom, output);
}
