using System.Security.Cryptography;
using Mcu.Dtls.Crypto;
using Org.BouncyCastle.Asn1.Sec;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Operators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.X509;
using BigInteger = Org.BouncyCastle.Math.BigInteger;

namespace Mcu.Dtls;

/// <summary>
/// Our self-signed ECDSA P-256 certificate and its key, for DTLS and the SDP a=fingerprint. Generate one per process
/// and share it: it is immutable and signing is thread-safe.
/// </summary>
public sealed class DtlsCertificate
{
    private readonly byte[] _der;
    private readonly ECPrivateKeyParameters _privateKey;

    private DtlsCertificate(byte[] der, ECPrivateKeyParameters privateKey, DateTimeOffset notBefore, DateTimeOffset notAfter)
    {
        _der = der;
        _privateKey = privateKey;
        NotBefore = notBefore;
        NotAfter = notAfter;
        Fingerprint = DtlsFingerprint.Compute("sha-256", der);
    }

    /// <summary>The certificate in DER, as sent in the Certificate message.</summary>
    public ReadOnlyMemory<byte> Der => _der;

    /// <summary>SHA-256 fingerprint for the SDP a=fingerprint attribute.</summary>
    public DtlsFingerprint Fingerprint { get; }

    /// <summary>Start of validity, whole seconds in UTC.</summary>
    public DateTimeOffset NotBefore { get; }

    /// <summary>End of validity, whole seconds in UTC; peers do not check it, but tools that print it should see sense.</summary>
    public DateTimeOffset NotAfter { get; }

    /// <summary>Makes a new key and a certificate "CN=mcu" valid from a day before <paramref name="now"/> to 30 days after.</summary>
    public static DtlsCertificate Generate(DateTimeOffset now)
    {
        var generator = new ECKeyPairGenerator();
        generator.Init(new ECKeyGenerationParameters(SecObjectIdentifiers.SecP256r1, BouncyRandom.Shared));
        var pair = generator.GenerateKeyPair();

        // Whole seconds: X.509 UTCTime has no fractions, so the properties then equal what the certificate says.
        DateTimeOffset notBefore = TruncateToSeconds(now.ToUniversalTime().AddDays(-1));
        DateTimeOffset notAfter = TruncateToSeconds(now.ToUniversalTime().AddDays(30));
        var name = new X509Name("CN=mcu");
        var builder = new X509V3CertificateGenerator();

        // RFC 5280 section 4.1.2.2: a positive serial of at most 20 bytes; random, so no two processes share one.
        builder.SetSerialNumber(new BigInteger(1, RandomNumberGenerator.GetBytes(16)).Add(BigInteger.One));
        builder.SetIssuerDN(name);
        builder.SetSubjectDN(name);
        builder.SetNotBefore(notBefore.UtcDateTime);
        builder.SetNotAfter(notAfter.UtcDateTime);
        builder.SetPublicKey(pair.Public);
        X509Certificate certificate = builder.Generate(new Asn1SignatureFactory("SHA256WITHECDSA", pair.Private, BouncyRandom.Shared));
        return new DtlsCertificate(certificate.GetEncoded(), (ECPrivateKeyParameters)pair.Private, notBefore, notAfter);
    }

    /// <summary>
    /// Signs with ecdsa_secp256r1_sha256, DER-encoded (RFC 8422 section 5.4). Nonces are deterministic (RFC 6979), so
    /// signing needs no random source.
    /// </summary>
    internal byte[] Sign(ReadOnlySpan<byte> data)
    {
        var signer = new DsaDigestSigner(new ECDsaSigner(new HMacDsaKCalculator(new Sha256Digest())), new Sha256Digest());
        signer.Init(true, _privateKey);
        signer.BlockUpdate(data);
        return signer.GenerateSignature();
    }

    private static DateTimeOffset TruncateToSeconds(DateTimeOffset time) =>
        new(time.Ticks - (time.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
}
