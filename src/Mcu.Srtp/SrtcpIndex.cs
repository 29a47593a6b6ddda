using System.Buffers.Binary;

namespace Mcu.Srtp;

/// <summary>The 32-bit word that ends an SRTCP packet's encrypted part: E flag and 31-bit index (RFC 3711 3.4).</summary>
internal static class SrtcpIndex
{
    public const int Size = 4;
    public const uint Max = 0x7FFF_FFFF;
    private const uint EncryptedFlag = 0x8000_0000;

    public static void Write(Span<byte> destination, uint index, bool encrypted) =>
        BinaryPrimitives.WriteUInt32BigEndian(destination, encrypted ? index | EncryptedFlag : index);

    public static uint Read(ReadOnlySpan<byte> source, out bool encrypted)
    {
        var word = BinaryPrimitives.ReadUInt32BigEndian(source);
        encrypted = (word & EncryptedFlag) != 0;
        return word & Max;
    }
}
