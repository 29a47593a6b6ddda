using Org.BouncyCastle.Crypto.Prng;
using Org.BouncyCastle.Security;

namespace Mcu.Dtls.Crypto;

/// <summary>
/// BouncyCastle's SecureRandom over the operating system generator; safe to share across threads because
/// System.Security.Cryptography.RandomNumberGenerator is.
/// </summary>
internal static class BouncyRandom
{
    public static SecureRandom Shared { get; } = new(new CryptoApiRandomGenerator());
}
