using System.Buffers.Binary;

namespace Mcu.Rtp;

/// <summary>The transport-wide-cc header extension: a 16-bit sequence number across all streams of a transport.</summary>
public static class TransportSequenceNumberExtension
{
    public const int Size = 2;

    public static bool TryRead(ReadOnlySpan<byte> value, out ushort sequenceNumber) =>
        BinaryPrimitives.TryReadUInt16BigEndian(value, out sequenceNumber);

    public static bool TryWrite(Span<byte> destination, ushort sequenceNumber) =>
        BinaryPrimitives.TryWriteUInt16BigEndian(destination, sequenceNumber);
}
