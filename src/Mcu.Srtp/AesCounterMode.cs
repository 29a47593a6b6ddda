using System.Buffers.Binary;
using System.Diagnostics;
using System.Numerics;
using System.Runtime.Intrinsics;
using System.Security.Cryptography;

namespace Mcu.Srtp;

/// <summary>AES in counter mode as SRTP defines it (RFC 3711 4.1.1): keystream blocks XORed into data in place.</summary>
/// <remarks>
/// The keystream comes from one ECB encryptor kept for the key's lifetime: <c>Aes.EncryptEcb</c>
/// builds a fresh native cipher context (and allocates) on every call, a reused transform does not.
/// Not thread-safe: the scratch buffers are shared by every call.
/// </remarks>
internal sealed class AesCounterMode : IDisposable
{
    public const int BlockSize = 16;

    // 128 blocks cover a full-MTU packet in one native call; bigger inputs loop.
    private const int ChunkSize = 128 * BlockSize;

    private readonly Aes _aes;
    private readonly ICryptoTransform _ecb;
    private readonly byte[] _counters = new byte[ChunkSize];
    private readonly byte[] _keystream = new byte[ChunkSize];

    public AesCounterMode(ReadOnlySpan<byte> key)
    {
        _aes = Aes.Create();
        _aes.Mode = CipherMode.ECB;
        _aes.Padding = PaddingMode.None;
        var keyCopy = key.ToArray();
        try
        {
            _ecb = _aes.CreateEncryptor(keyCopy, null);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(keyCopy);
        }
    }

    /// <summary>XORs <paramref name="data"/> with the keystream that starts at counter block <paramref name="iv"/>.</summary>
    /// <remarks>
    /// Every SRTP IV has its low 16 bits zero (salt, SSRC and index are all shifted left by 16), so
    /// block j's counter is the IV with j in its last two bytes; RFC 3711 4.1.1 caps a keystream at
    /// 2^16 blocks, which this relies on.
    /// </remarks>
    public void Apply(ReadOnlySpan<byte> iv, Span<byte> data)
    {
        Debug.Assert(iv.Length == BlockSize && iv[14] == 0 && iv[15] == 0, "SRTP counters start at a zero low half-word.");
        Debug.Assert(data.Length <= 65536 * BlockSize, "RFC 3711 4.1.1 allows at most 2^16 keystream blocks.");
        var prefix = Vector128.Create(iv);
        var block = 0;
        while (!data.IsEmpty)
        {
            var length = Math.Min(data.Length, ChunkSize);
            var blocks = (length + BlockSize - 1) / BlockSize;
            var counters = _counters.AsSpan(0, blocks * BlockSize);
            for (var i = 0; i < counters.Length; i += BlockSize)
            {
                prefix.CopyTo(counters[i..]);
                BinaryPrimitives.WriteUInt16BigEndian(counters[(i + 14)..], (ushort)block++);
            }
            _ecb.TransformBlock(_counters, 0, counters.Length, _keystream, 0);
            Xor(data[..length], _keystream.AsSpan(0, length));
            data = data[length..];
        }
    }

    private static void Xor(Span<byte> data, ReadOnlySpan<byte> keystream)
    {
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            for (; i <= data.Length - Vector<byte>.Count; i += Vector<byte>.Count)
            {
                var target = data[i..];
                (new Vector<byte>(target) ^ new Vector<byte>(keystream[i..])).CopyTo(target);
            }
        }
        for (; i < data.Length; i++)
        {
            data[i] ^= keystream[i];
        }
    }

    public void Dispose()
    {
        _ecb.Dispose();
        _aes.Dispose();
    }
}
