using System.Security.Cryptography;
using Mcu.Dtls.Crypto;

namespace Mcu.Dtls.Tests.Crypto;

public sealed class TlsPrfTests
{
    // The TLS 1.2 PRF vectors posted to the IETF TLS list (www.ietf.org/mail-archive/web/tls/current/msg03416.html),
    // used by GnuTLS's and others' test suites; checked locally with `openssl kdf ... TLS1-PRF` as well.
    [Fact]
    public void P_SHA256_matches_the_published_test_vector()
    {
        byte[] secret = Convert.FromHexString("9bbe436ba940f017b17652849a71db35");
        byte[] seed = Convert.FromHexString("a0ba9f936cda311827a6f796ffd5198c");
        byte[] expected = Convert.FromHexString(
            "e3f229ba727be17b8d122620557cd453c2aab21d07c3d495329b52d4e61edb5a"
            + "6b301791e90d35c9c9a46b4e14baf9af0fa022f7077def17abfd3797c0564bab"
            + "4fbc91666e9def9b97fce34f796789baa48082d122ee42c5a72e5a5110fff701"
            + "87347b66");
        byte[] output = new byte[100];

        TlsPrf.Derive(HashAlgorithmName.SHA256, secret, "test label"u8, seed, output);

        Assert.Equal(expected, output);
    }

    [Fact]
    public void P_SHA384_matches_the_published_test_vector()
    {
        byte[] secret = Convert.FromHexString("b80b733d6ceefcdc71566ea48e5567df");
        byte[] seed = Convert.FromHexString("cd665cf6a8447dd6ff8b27555edb7465");
        byte[] expected = Convert.FromHexString(
            "7b0c18e9ced410ed1804f2cfa34a336a1c14dffb4900bb5fd7942107e81c83cd"
            + "e9ca0faa60be9fe34f82b1233c9146a0e534cb400fed2700884f9dc236f80edd"
            + "8bfa961144c9e8d792eca722a7b32fc3d416d473ebc2c5fd4abfdad05d918425"
            + "9b5bf8cd4d90fa0d31e2dec479e4f1a26066f2eea9a69236a3e52655c9e9aee6"
            + "91c8f3a26854308d5eaa3be85e0990703d73e56f");
        byte[] output = new byte[148];

        TlsPrf.Derive(HashAlgorithmName.SHA384, secret, "test label"u8, seed, output);

        Assert.Equal(expected, output);
    }

    [Fact]
    public void A_seed_given_in_two_parts_is_the_same_as_their_concatenation()
    {
        byte[] secret = Convert.FromHexString("9bbe436ba940f017b17652849a71db35");
        byte[] seed = Convert.FromHexString("a0ba9f936cda311827a6f796ffd5198c");
        byte[] whole = new byte[40];
        byte[] split = new byte[40];

        TlsPrf.Derive(HashAlgorithmName.SHA256, secret, "test label"u8, seed, whole);
        TlsPrf.Derive(HashAlgorithmName.SHA256, secret, "test label"u8, seed.AsSpan(0, 5), seed.AsSpan(5), split);

        Assert.Equal(whole, split);
    }

    [Fact]
    public void A_shorter_output_is_a_prefix_of_a_longer_one()
    {
        byte[] secret = [1, 2, 3];
        byte[] longer = new byte[77];
        byte[] shorter = new byte[33];

        TlsPrf.Derive(HashAlgorithmName.SHA256, secret, "label"u8, [9, 9], longer);
        TlsPrf.Derive(HashAlgorithmName.SHA256, secret, "label"u8, [9, 9], shorter);

        Assert.Equal(longer.AsSpan(0, 33).ToArray(), shorter);
    }
}
