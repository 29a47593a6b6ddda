using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Mcu.Srtp;

namespace Mcu.Benchmarks.Transport;

/// <summary>SRTP protect of a 1200-byte RTP packet for both profiles, next to the bare primitives it is built from.</summary>
/// <remarks>
/// Each category's baseline is the crypto alone on the same sizes (1188-byte payload, 12-byte header),
/// so the Ratio column is the cost of header parsing, SSRC lookup, index guessing, IV/nonce
/// construction and (for AES-CM) counter blocks and XOR. The AES-CM bare path uses a reused ECB
/// transform, as the library does: <c>Aes.EncryptEcb</c> allocates and rebuilds the native cipher per call.
/// </remarks>
[MemoryDiagnoser]
[CategoriesColumn]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable",
    Justification = "BenchmarkDotNet releases them in [GlobalCleanup]; benchmark classes cannot be sealed for the dispose pattern.")]
public class SrtpBenchmarks
{
    private const int PacketLength = 1200;
    private const int HeaderLength = 12;
    private const int PayloadLength = PacketLength - HeaderLength;
    // AES-CM keystream is whole blocks: 1188 bytes need 75 of them.
    private const int KeystreamLength = (PayloadLength + 15) / 16 * 16;

    private SrtpContext _aesCm = null!;
    private SrtpContext _aesGcm = null!;
    private byte[] _aesCmPacket = null!;
    private byte[] _aesGcmPacket = null!;
    private ushort _sequenceNumber;

    private Aes _bareAes = null!;
    private ICryptoTransform _bareEcb = null!;
    private IncrementalHash _bareHmac = null!;
    private AesGcm _bareGcm = null!;
    private readonly byte[] _bareCounters = new byte[KeystreamLength];
    private readonly byte[] _bareKeystream = new byte[KeystreamLength];
    private readonly byte[] _barePacket = new byte[PacketLength + 16];
    private readonly byte[] _bareDigest = new byte[20];
    private readonly byte[] _bareRoc = new byte[4];
    private readonly byte[] _bareNonce = new byte[12];

    [GlobalSetup]
    public void Setup()
    {
        _aesCm = new SrtpContext(Key(SrtpProfile.Aes128CmHmacSha1Tag80));
        _aesGcm = new SrtpContext(Key(SrtpProfile.AeadAes128Gcm));
        _aesCmPacket = Packet(_aesCm.RtpOverhead);
        _aesGcmPacket = Packet(_aesGcm.RtpOverhead);

        var key = new byte[16];
        RandomNumberGenerator.Fill(key);
        _bareAes = Aes.Create();
        _bareAes.Mode = CipherMode.ECB;
        _bareAes.Padding = PaddingMode.None;
        _bareEcb = _bareAes.CreateEncryptor(key, null);
        _bareHmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA1, new byte[20]);
        _bareGcm = new AesGcm(key, 16);
        RandomNumberGenerator.Fill(_barePacket);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _aesCm.Dispose();
        _aesGcm.Dispose();
        _bareEcb.Dispose();
        _bareAes.Dispose();
        _bareHmac.Dispose();
        _bareGcm.Dispose();
    }

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("AES-CM + HMAC-SHA1")]
    public int BareAesEcbKeystreamAndHmacSha1()
    {
        _bareEcb.TransformBlock(_bareCounters, 0, KeystreamLength, _bareKeystream, 0);
        _bareHmac.AppendData(_barePacket.AsSpan(0, PacketLength));
        _bareHmac.AppendData(_bareRoc);
        return _bareHmac.GetHashAndReset(_bareDigest);
    }

    [Benchmark]
    [BenchmarkCategory("AES-CM + HMAC-SHA1")]
    public int ProtectAes128CmHmacSha1Tag80() => Protect(_aesCm, _aesCmPacket);

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("AES-GCM")]
    public int BareAesGcmEncrypt()
    {
        var payload = _barePacket.AsSpan(HeaderLength, PayloadLength);
        _bareGcm.Encrypt(_bareNonce, payload, payload, _barePacket.AsSpan(PacketLength, 16), _barePacket.AsSpan(0, HeaderLength));
        return PacketLength + 16;
    }

    [Benchmark]
    [BenchmarkCategory("AES-GCM")]
    public int ProtectAeadAes128Gcm() => Protect(_aesGcm, _aesGcmPacket);

    // A new sequence number per call, as a real sender has; protecting ciphertext again is fine for timing.
    private int Protect(SrtpContext context, byte[] packet)
    {
        BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(2), _sequenceNumber++);
        context.ProtectRtp(packet, PacketLength, out var protectedLength);
        return protectedLength;
    }

    private static SrtpMasterKey Key(SrtpProfile profile)
    {
        var key = new byte[profile.GetMasterKeyLength()];
        var salt = new byte[profile.GetMasterSaltLength()];
        RandomNumberGenerator.Fill(key);
        RandomNumberGenerator.Fill(salt);
        return new SrtpMasterKey(profile, key, salt);
    }

    private static byte[] Packet(int spare)
    {
        var packet = new byte[PacketLength + spare];
        RandomNumberGenerator.Fill(packet);
        packet[0] = 0x80;
        packet[1] = 96;
        BinaryPrimitives.WriteUInt32BigEndian(packet.AsSpan(8), 0x11223344);
        return packet;
    }
}
