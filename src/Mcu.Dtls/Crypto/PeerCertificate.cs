using System.Diagnostics.CodeAnalysis;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Engines;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.X509;

namespace Mcu.Dtls.Crypto;

/// <summary>
/// The peer's end-entity certificate: its DER for the SDP fingerprint check and its public key for signatures.
/// It is not chain-validated; the fingerprint from signaling authenticates it (RFC 5763 section 5).
/// </summary>
internal sealed class PeerCertificate
{
    private readonly AsymmetricKeyParameter _publicKey;

    private PeerCertificate(byte[] der, AsymmetricKeyParameter publicKey)
    {
        Der = der;
        _publicKey = publicKey;
    }

    public byte[] Der { get; }

    /// <summary>Parses a DER X.509 certificate with an EC or RSA key; null for anything else.</summary>
    [SuppressMessage("Design", "CA1031:Do not catch general exception types", Justification = "BouncyCastle's ASN.1 and X.509 parsers throw many unrelated exception types on hostile DER; all mean 'not a certificate'.")]
    public static PeerCertificate? TryParse(ReadOnlySpan<byte> der)
    {
        try
        {
            byte[] bytes = der.ToArray();
            var certificate = new X509Certificate(X509CertificateStructure.GetInstance(Asn1Object.FromByteArray(bytes)));
            AsymmetricKeyParameter key = certificate.GetPublicKey();
            return key is ECPublicKeyParameters or RsaKeyParameters ? new PeerCertificate(bytes, key) : null;
        }
        catch (Exception)
        {
            return null;
        }
    }

    /// <summary>
    /// Verifies a signature made with <paramref name="scheme"/>; false if the scheme does not fit the key type or the
    /// signature is wrong or malformed. In TLS 1.2 the ECDSA code points name the hash, not the curve.
    /// </summary>
    [SuppressMessage("Design", "CA1031:Do not catch general exception types", Justification = "BouncyCastle signers throw assorted exception types on malformed signature encodings; all mean 'does not verify'.")]
    public bool Verify(ushort scheme, ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature)
    {
        ISigner? signer = (scheme, _publicKey) switch
        {
            (SignatureScheme.EcdsaSecp256r1Sha256, ECPublicKeyParameters) => new DsaDigestSigner(new ECDsaSigner(), new Sha256Digest()),
            (SignatureScheme.EcdsaSecp384r1Sha384, ECPublicKeyParameters) => new DsaDigestSigner(new ECDsaSigner(), new Sha384Digest()),
            (SignatureScheme.RsaPkcs1Sha256, RsaKeyParameters) => new RsaDigestSigner(new Sha256Digest()),

            // RFC 8446 section 4.2.3: RSASSA-PSS with MGF1 of the same hash and a salt as long as the hash.
            (SignatureScheme.RsaPssRsaeSha256, RsaKeyParameters) => new PssSigner(new RsaBlindedEngine(), new Sha256Digest(), 32),
            _ => null,
        };
        if (signer is null)
        {
            return false;
        }

        try
        {
            signer.Init(false, _publicKey);
            signer.BlockUpdate(data);
            return signer.VerifySignature(signature.ToArray());
        }
        catch (Exception)
        {
            return false;
        }
    }
}
