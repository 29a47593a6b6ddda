using Org.BouncyCastle.Crypto.Parameters;

namespace Mcu.Dtls.Crypto;

/// <summary>An X25519 ECDHE key pair (RFC 7748, RFC 8422 section 5.11).</summary>
internal sealed class X25519KeyPair : EcdheKeyPair
{
    private readonly X25519PrivateKeyParameters _privateKey = new(BouncyRandom.Shared);

    public X25519KeyPair() => PublicKey = _privateKey.GeneratePublicKey().GetEncoded();

    public override ushort Group => NamedGroup.X25519;

    public override byte[] PublicKey { get; }

    public override bool TryDeriveSharedSecret(ReadOnlySpan<byte> peerPublicKey, Span<byte> sharedSecret)
    {
        if (peerPublicKey.Length != X25519PublicKeyParameters.KeySize)
        {
            return false;
        }

        try
        {
            _privateKey.GenerateSecret(new X25519PublicKeyParameters(peerPublicKey), sharedSecret[..SharedSecretLength]);
            return true;
        }
        catch (InvalidOperationException)
        {
            // RFC 7748 section 6.1: an all-zero secret means the peer sent a low-order point.
            return false;
        }
    }
}
