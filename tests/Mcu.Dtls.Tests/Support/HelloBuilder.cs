using System.Buffers.Binary;

namespace Mcu.Dtls.Tests.Support;

/// <summary>Builds ClientHello bodies field by field, so tests can write what other stacks (or attackers) send.</summary>
internal sealed class HelloBuilder
{
    private readonly List<byte[]> _extensions = [];

    public ushort Version { get; init; } = 0xFEFD;

    public byte[] Random { get; init; } = new byte[32];

    public byte[] SessionId { get; init; } = [];

    public byte[] Cookie { get; init; } = [];

    public ushort[] CipherSuites { get; init; } = [0xC02B, 0xC02F, 0xC00A];

    public byte[] CompressionMethods { get; init; } = [0];

    public HelloBuilder Extension(ushort type, params byte[] data)
    {
        _extensions.Add([.. U16(type), .. U16(data.Length), .. data]);
        return this;
    }

    /// <summary>The extensions a WebRTC browser sends for DTLS-SRTP, plus DTLS 1.3 ones we must ignore.</summary>
    public HelloBuilder WithBrowserExtensions(params ushort[] srtpProfiles)
    {
        byte[] profiles = srtpProfiles.SelectMany(U16).ToArray();
        return Extension(0xFF01, 0)
            .Extension(10, [.. U16(8), .. U16(0x11EC), .. U16(29), .. U16(23), .. U16(24)])
            .Extension(11, 1, 0)
            .Extension(13, [.. U16(6), .. U16(0x0403), .. U16(0x0804), .. U16(0x0401)])
            .Extension(14, [.. U16(profiles.Length), .. profiles, 0])
            .Extension(23)
            .Extension(35)
            .Extension(43, 4, 0xFE, 0xFC, 0xFE, 0xFD)
            .Extension(51, [.. U16(36), .. U16(29), .. U16(32), .. new byte[32]])
            .Extension(16, [.. U16(9), 8, .. "webrtc/1"u8])
            .Extension(0xFE0D, 1, 2, 3);
    }

    public byte[] Build(bool withExtensionBlock = true)
    {
        byte[] suites = CipherSuites.SelectMany(U16).ToArray();
        byte[] extensions = _extensions.SelectMany(e => e).ToArray();
        return
        [
            .. U16(Version), .. Random,
            (byte)SessionId.Length, .. SessionId,
            (byte)Cookie.Length, .. Cookie,
            .. U16(suites.Length), .. suites,
            (byte)CompressionMethods.Length, .. CompressionMethods,
            .. withExtensionBlock ? [.. U16(extensions.Length), .. extensions] : Array.Empty<byte>(),
        ];
    }

    /// <summary>Wraps a handshake body into one unfragmented DTLS handshake record.</summary>
    public static byte[] Record(byte handshakeType, byte[] body, ushort messageSequence = 0, ushort recordVersion = 0xFEFF, ulong recordSequence = 0)
    {
        byte[] handshake = [handshakeType, .. U24(body.Length), .. U16(messageSequence), 0, 0, 0, .. U24(body.Length), .. body];
        return [22, .. U16(recordVersion), 0, 0, 0, 0, .. U32((uint)recordSequence), .. U16(handshake.Length), .. handshake];
    }

    public static byte[] U16(int value)
    {
        byte[] bytes = new byte[2];
        BinaryPrimitives.WriteUInt16BigEndian(bytes, (ushort)value);
        return bytes;
    }

    public static byte[] U16(ushort value) => U16((int)value);

    public static byte[] U24(int value) => [(byte)(value >> 16), (byte)(value >> 8), (byte)value];

    private static byte[] U32(uint value)
    {
        byte[] bytes = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, value);
        return bytes;
    }
}
