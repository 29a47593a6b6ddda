using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Mcu.Server.Turn;

/// <summary>
/// Time-limited TURN credentials in the "TURN REST API" scheme (draft-uberti-behave-turn-rest)
/// that coturn checks with use-auth-secret: the username is "EXPIRY:NAME" (EXPIRY in Unix
/// seconds) and the password is base64(HMAC-SHA1(secret, username)), so the TURN server can
/// verify it with no shared state but the secret.
/// </summary>
public static class TurnRestCredentials
{
    public static (string Username, string Credential) Create(string sharedSecret, string name, DateTimeOffset expires)
    {
        ArgumentException.ThrowIfNullOrEmpty(sharedSecret);
        ArgumentNullException.ThrowIfNull(name);
        var username = string.Create(CultureInfo.InvariantCulture, $"{expires.ToUnixTimeSeconds()}:{name}");
#pragma warning disable CA5350 // HMAC-SHA1 is what the scheme and coturn specify; it is not used for anything else.
        var mac = HMACSHA1.HashData(Encoding.UTF8.GetBytes(sharedSecret), Encoding.UTF8.GetBytes(username));
#pragma warning restore CA5350
        return (username, Convert.ToBase64String(mac));
    }
}
