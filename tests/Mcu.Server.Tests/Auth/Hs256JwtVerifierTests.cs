using System.Buffers.Text;
using System.Text;
using Mcu.Server.Auth;

namespace Mcu.Server.Tests.Auth;

public sealed class Hs256JwtVerifierTests
{
    // RFC 7515 Appendix A.1: the example JWS and its HMAC key (the JWK "k" value).
    private const string Rfc7515Token =
        "eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9"
        + ".eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ"
        + ".dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";

    private const string Rfc7515Key = "AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow";

    private static readonly byte[] Key = Encoding.UTF8.GetBytes("a-test-secret-of-some-length");
    private static readonly DateTimeOffset Now = new(2030, 1, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_rfc_7515_example_verifies_and_is_refused_only_for_lacking_a_room_claim()
    {
        var beforeExpiry = DateTimeOffset.FromUnixTimeSeconds(1300819380 - 60);

        Assert.False(Hs256JwtVerifier.TryVerify(Rfc7515Token, Base64Url.DecodeFromChars(Rfc7515Key), beforeExpiry, TimeSpan.Zero, out _, out var error));

        Assert.Equal("The join token has no \"room\" claim.", error);
    }

    [Fact]
    public void The_rfc_7515_example_with_one_signature_bit_flipped_is_refused_for_its_signature()
    {
        var tampered = Rfc7515Token[..^2] + (Rfc7515Token[^2] == 'X' ? 'Y' : 'X') + Rfc7515Token[^1];
        Assert.False(Hs256JwtVerifier.TryVerify(tampered, Base64Url.DecodeFromChars(Rfc7515Key), DateTimeOffset.FromUnixTimeSeconds(0), TimeSpan.Zero, out _, out var error));
        Assert.Contains("signature", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_valid_token_yields_its_claims()
    {
        var token = JwtSigner.Sign("{\"alg\":\"HS256\"}", "{\"room\":\"lobby\",\"exp\":1893502800.5,\"nbf\":1893448800,\"sub\":\"alice\"}", Key);

        Assert.True(Hs256JwtVerifier.TryVerify(token, Key, Now, TimeSpan.Zero, out var claims, out _));

        Assert.Equal("lobby", claims.Room);
        Assert.Equal("alice", claims.Subject);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1893502800500), claims.Expires);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1893448800), claims.NotBefore);
        Assert.True(claims.Admits("lobby"));
        Assert.False(claims.Admits("Lobby"));
    }

    [Theory]
    [InlineData("{\"alg\":\"none\"}", "HS256")]
    [InlineData("{\"alg\":\"HS512\"}", "HS256")]
    [InlineData("{\"alg\":\"hs256\"}", "HS256")]
    [InlineData("{\"alg\":\"HS256\",\"crit\":[\"exp\"]}", "HS256")]
    [InlineData("[\"HS256\"]", "HS256")]
    [InlineData("not json", "HS256")]
    public void Headers_other_than_plain_hs256_are_refused(string header, string expected)
    {
        var token = JwtSigner.Sign(header, "{\"room\":\"lobby\",\"exp\":1893502800}", Key);
        Assert.False(Hs256JwtVerifier.TryVerify(token, Key, Now, TimeSpan.Zero, out _, out var error));
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unsigned_alg_none_token_is_refused()
    {
        var token = Base64Url.EncodeToString("{\"alg\":\"none\"}"u8) + "." + Base64Url.EncodeToString("{\"room\":\"*\",\"exp\":1893502800}"u8) + ".";
        Assert.False(Hs256JwtVerifier.TryVerify(token, Key, Now, TimeSpan.Zero, out _, out _));
    }

    [Theory]
    [InlineData("{\"room\":\"lobby\"}", "exp")]
    [InlineData("{\"room\":\"lobby\",\"exp\":\"1893502800\"}", "exp")]
    [InlineData("{\"room\":\"lobby\",\"exp\":1893456000}", "expired")]
    [InlineData("{\"room\":\"lobby\",\"exp\":1893502800,\"nbf\":1893506400}", "not valid yet")]
    [InlineData("{\"room\":\"lobby\",\"exp\":1893502800,\"nbf\":\"soon\"}", "nbf")]
    [InlineData("{\"exp\":1893502800}", "room")]
    [InlineData("{\"room\":7,\"exp\":1893502800}", "room")]
    [InlineData("[1,2]", "object")]
    [InlineData("{\"room\":", "JSON")]
    public void Claims_are_checked_after_the_signature(string payload, string expected)
    {
        var token = JwtSigner.Sign("{\"alg\":\"HS256\"}", payload, Key);
        Assert.False(Hs256JwtVerifier.TryVerify(token, Key, Now, TimeSpan.Zero, out _, out var error));
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_clock_skew_tolerates_a_just_expired_token()
    {
        var token = JwtSigner.Sign("{\"alg\":\"HS256\"}", $"{{\"room\":\"lobby\",\"exp\":{Now.ToUnixTimeSeconds() - 10}}}", Key);
        Assert.False(Hs256JwtVerifier.TryVerify(token, Key, Now, TimeSpan.Zero, out _, out _));
        Assert.True(Hs256JwtVerifier.TryVerify(token, Key, Now, TimeSpan.FromSeconds(30), out _, out _));
    }

    [Fact]
    public void A_token_signed_with_another_key_is_refused()
    {
        var token = JwtSigner.Sign("{\"alg\":\"HS256\"}", "{\"room\":\"lobby\",\"exp\":1893502800}", Encoding.UTF8.GetBytes("another secret"));
        Assert.False(Hs256JwtVerifier.TryVerify(token, Key, Now, TimeSpan.Zero, out _, out var error));
        Assert.Contains("signature", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("a.b")]
    [InlineData("a.b.c.d")]
    [InlineData(".b.c")]
    [InlineData("a..c")]
    [InlineData("a.b.")]
    [InlineData("e30.e30.!!!!")]
    public void Malformed_tokens_are_refused(string token)
    {
        Assert.False(Hs256JwtVerifier.TryVerify(token, Key, Now, TimeSpan.Zero, out _, out var error));
        Assert.NotNull(error);
    }

    [Fact]
    public void Random_and_mutated_tokens_never_throw()
    {
        var random = new Random(7515);
        var valid = JwtSigner.Sign("{\"alg\":\"HS256\"}", "{\"room\":\"lobby\",\"exp\":1893502800}", Key);
        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.=+/ {}\"";
        for (var i = 0; i < 3000; i++)
        {
            var chars = valid.ToCharArray();
            for (var m = random.Next(1, 6); m > 0; m--)
            {
                chars[random.Next(chars.Length)] = Alphabet[random.Next(Alphabet.Length)];
            }
            var mutated = new string(chars);
            if (Hs256JwtVerifier.TryVerify(mutated, Key, Now, TimeSpan.Zero, out _, out _))
            {
                // The MAC covers the text of header and payload; only a signature spelling that
                // decodes to the same bytes (base64's unused trailing bits) may still verify.
                var signed = valid.LastIndexOf('.');
                Assert.Equal(valid[..signed], mutated[..signed]);
            }

            var noise = new string(Array.ConvertAll(new char[random.Next(0, 200)], _ => Alphabet[random.Next(Alphabet.Length)]));
            Assert.False(Hs256JwtVerifier.TryVerify(noise, Key, Now, TimeSpan.Zero, out _, out _));
        }
    }

    [Fact]
    public void An_oversized_token_is_refused_unread()
    {
        Assert.False(Hs256JwtVerifier.TryVerify(new string('a', Hs256JwtVerifier.MaxTokenLength + 1), Key, Now, TimeSpan.Zero, out _, out var error));
        Assert.Contains("too long", error, StringComparison.Ordinal);
    }
}
