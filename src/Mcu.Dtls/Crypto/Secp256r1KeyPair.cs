using Org.BouncyCastle.Asn1.Sec;
using Org.BouncyCastle.Asn1.X9;
using Org.BouncyCastle.Crypto.Agreement;
using Org.BouncyCastle.Crypto.EC;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Utilities;

namespace Mcu.Dtls.Crypto;

/// <summary>A secp256r1 (P-256) ECDHE key pair with uncompressed points (RFC 8422 sections 5.4.1 and 5.10).</summary>
internal sealed class Secp256r1KeyPair : EcdheKeyPair
{
    private const int UncompressedPointLength = 65;
    private const byte UncompressedPointTag = 4;

    // BouncyCastle's custom curve implementation is several times faster than the generic one.
    private static readonly ECNamedDomainParameters Domain = CreateDomain();

    private readonly ECPrivateKeyParameters _privateKey;

    public Secp256r1KeyPair()
    {
        var generator = new ECKeyPairGenerator();
        generator.Init(new ECKeyGenerationParameters(Domain, BouncyRandom.Shared));
        var pair = generator.GenerateKeyPair();
        _privateKey = (ECPrivateKeyParameters)pair.Private;
        PublicKey = ((ECPublicKeyParameters)pair.Public).Q.GetEncoded(compressed: false);
    }

    public override ushort Group => NamedGroup.Secp256r1;

    public override byte[] PublicKey { get; }

    public override bool TryDeriveSharedSecret(ReadOnlySpan<byte> peerPublicKey, Span<byte> sharedSecret)
    {
        // RFC 8422 section 5.1.2: only the uncompressed form is in use.
        if (peerPublicKey.Length != UncompressedPointLength || peerPublicKey[0] != UncompressedPointTag)
        {
            return false;
        }

        try
        {
            // ECPublicKeyParameters validates that the point lies on the curve and is not the identity.
            var peerKey = new ECPublicKeyParameters(Domain.Curve.DecodePoint(peerPublicKey.ToArray()), Domain);
            var agreement = new ECDHBasicAgreement();
            agreement.Init(_privateKey);
            BigIntegers.AsUnsignedByteArray(SharedSecretLength, agreement.CalculateAgreement(peerKey)).CopyTo(sharedSecret);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static ECNamedDomainParameters CreateDomain()
    {
        X9ECParameters curve = CustomNamedCurves.GetByOid(SecObjectIdentifiers.SecP256r1);
        return new ECNamedDomainParameters(SecObjectIdentifiers.SecP256r1, curve);
    }
}
