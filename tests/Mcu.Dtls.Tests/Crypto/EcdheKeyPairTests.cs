using Mcu.Dtls.Crypto;

namespace Mcu.Dtls.Tests.Crypto;

public sealed class EcdheKeyPairTests
{
    [Theory]
    [InlineData(NamedGroup.X25519, 32)]
    [InlineData(NamedGroup.Secp256r1, 65)]
    public void Both_sides_derive_the_same_secret(ushort group, int publicKeyLength)
    {
        EcdheKeyPair alice = EcdheKeyPair.Generate(group);
        EcdheKeyPair bob = EcdheKeyPair.Generate(group);
        byte[] aliceSecret = new byte[32];
        byte[] bobSecret = new byte[32];

        Assert.True(alice.TryDeriveSharedSecret(bob.PublicKey, aliceSecret));
        Assert.True(bob.TryDeriveSharedSecret(alice.PublicKey, bobSecret));

        Assert.Equal(aliceSecret, bobSecret);
        Assert.Equal(publicKeyLength, alice.PublicKey.Length);
        Assert.Equal(group, alice.Group);
        Assert.NotEqual(alice.PublicKey, bob.PublicKey);
    }

    [Fact]
    public void X25519_rejects_a_low_order_point_and_wrong_lengths()
    {
        EcdheKeyPair pair = EcdheKeyPair.Generate(NamedGroup.X25519);
        byte[] secret = new byte[32];

        // The all-zero u-coordinate has order 1; RFC 7748 section 6.1 says to reject the all-zero result.
        Assert.False(pair.TryDeriveSharedSecret(new byte[32], secret));
        Assert.False(pair.TryDeriveSharedSecret(new byte[31], secret));
        Assert.False(pair.TryDeriveSharedSecret(new byte[33], secret));
    }

    [Fact]
    public void Secp256r1_rejects_points_off_the_curve_compressed_or_malformed()
    {
        EcdheKeyPair pair = EcdheKeyPair.Generate(NamedGroup.Secp256r1);
        EcdheKeyPair other = EcdheKeyPair.Generate(NamedGroup.Secp256r1);
        byte[] secret = new byte[32];
        byte[] offCurve = (byte[])other.PublicKey.Clone();
        offCurve[64] ^= 1;
        byte[] compressed = other.PublicKey.AsSpan(0, 33).ToArray();
        compressed[0] = 2;
        byte[] infinity = new byte[65];
        infinity[0] = 4;

        Assert.False(pair.TryDeriveSharedSecret(offCurve, secret));
        Assert.False(pair.TryDeriveSharedSecret(compressed, secret));
        Assert.False(pair.TryDeriveSharedSecret(infinity, secret));
        Assert.False(pair.TryDeriveSharedSecret([], secret));
    }
}
