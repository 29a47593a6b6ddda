namespace Mcu.Srtp;

/// <summary>The AES-CM key derivation function of RFC 3711 4.3 (AES_256_CM_PRF of RFC 6188 with a 256-bit master key).</summary>
internal static class SrtpKeyDerivation
{
    // RFC 3711 4.3.1 / 4.3.2 labels.
    public const byte RtpEncryptionLabel = 0x00;
    public const byte RtpAuthenticationLabel = 0x01;
    public const byte RtpSaltLabel = 0x02;
    public const byte RtcpEncryptionLabel = 0x03;
    public const byte RtcpAuthenticationLabel = 0x04;
    public const byte RtcpSaltLabel = 0x05;

    /// <summary>Fills <paramref name="output"/> with the session key for <paramref name="label"/>.</summary>
    /// <param name="prf">AES-CM keyed with the master key.</param>
    /// <param name="masterSalt">14 bytes (AES-CM) or 12 bytes (GCM).</param>
    /// <param name="label">One of the label constants.</param>
    /// <param name="output">The session key, salt or authentication key to derive.</param>
    public static void Derive(AesCounterMode prf, ReadOnlySpan<byte> masterSalt, byte label, Span<byte> output)
    {
        // x = (label || index DIV kdr) XOR master_salt, right-aligned, then the PRF input is x * 2^16.
        // DTLS-SRTP fixes kdr to 0 (RFC 5764 4.1.2), so index DIV kdr is 0 and only the label byte
        // (byte 7 of the 14-byte salt) changes. A 12-byte GCM salt is itself multiplied by 2^16 to
        // fill the 112-bit slot (RFC 7714 section 11, erratum 4938): copying it left-aligned does both.
        Span<byte> iv = stackalloc byte[AesCounterMode.BlockSize];
        iv.Clear();
        masterSalt.CopyTo(iv);
        iv[7] ^= label;
        output.Clear();
        prf.Apply(iv, output);
    }
}
