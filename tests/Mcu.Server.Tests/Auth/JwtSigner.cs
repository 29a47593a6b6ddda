using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Mcu.Server.Tests.Auth;

/// <summary>Makes HS256 JWTs for tests, written independently of the server's verifier.</summary>
internal static class JwtSigner
{
    public static string Sign(string headerJson, string payloadJson, byte[] key)
    {
        var input = Base64Url.EncodeToString(Encoding.UTF8.GetBytes(headerJson)) + "." + Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payloadJson));
        return input + "." + Base64Url.EncodeToString(HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(input)));
    }

    public static string JoinToken(string secret, string room, DateTimeOffset expires, DateTimeOffset? notBefore = null)
    {
        var nbf = notBefore is { } n ? $",\"nbf\":{n.ToUnixTimeSeconds()}" : "";
        return Sign("{\"alg\":\"HS256\",\"typ\":\"JWT\"}", $"{{\"room\":\"{room}\",\"exp\":{expires.ToUnixTimeSeconds()}{nbf}}}", Encoding.UTF8.GetBytes(secret));
    }
}
