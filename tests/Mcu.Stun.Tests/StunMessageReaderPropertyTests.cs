using System.Buffers.Binary;

namespace Mcu.Stun.Tests;

/// <summary>Arbitrary bytes never make the reader throw or read outside the datagram.</summary>
public class StunMessageReaderPropertyTests
{
    private const int Iterations = 5000;

    [Fact]
    public void Random_bytes_never_throw()
    {
        var random = new Random(5769);
        var backing = new byte[400];
        var parsed = 0;
        for (var i = 0; i < Iterations; i++)
        {
            random.NextBytes(backing);
            var length = random.Next(0, 300);
            if (i % 2 == 0 && length >= 20)
            {
                // Half the inputs get a plausible header so that attribute parsing is reached.
                length &= ~3;
                BinaryPrimitives.WriteUInt16BigEndian(backing.AsSpan(0), (ushort)(backing[0] & 0x3F));
                BinaryPrimitives.WriteUInt16BigEndian(backing.AsSpan(2), (ushort)(length - 20));
                BinaryPrimitives.WriteUInt32BigEndian(backing.AsSpan(4), StunHeader.MagicCookie);
            }
            parsed += Exercise(Slice(backing, random, length)) ? 1 : 0;
        }

        Assert.InRange(parsed, 1, Iterations - 1); // some inputs reach the attribute getters
    }

    [Fact]
    public void Mutated_valid_messages_never_throw()
    {
        var random = new Random(8489);
        byte[][] seeds = [Rfc5769Vectors.SampleRequest, Rfc5769Vectors.SampleIPv4Response, Rfc5769Vectors.SampleIPv6Response, Rfc5769Vectors.SampleLongTermRequest];
        var backing = new byte[400];
        var parsed = 0;
        for (var i = 0; i < Iterations; i++)
        {
            var seed = seeds[i % seeds.Length];
            var length = Mutate(seed, backing, random);
            parsed += Exercise(Slice(backing, random, length)) ? 1 : 0;
        }

        Assert.InRange(parsed, Iterations / 10, Iterations - 1);
    }

    // The datagram sits inside a larger buffer: a span cannot be read past its end, so any
    // over-read would throw here instead of silently reading the neighbouring bytes.
    private static ReadOnlySpan<byte> Slice(byte[] backing, Random random, int length)
    {
        var offset = random.Next(0, backing.Length - length + 1);
        if (offset != 0)
        {
            backing.AsSpan(0, length).CopyTo(backing.AsSpan(offset));
        }
        return backing.AsSpan(offset, length);
    }

    private static int Mutate(byte[] seed, byte[] destination, Random random)
    {
        seed.CopyTo(destination, 0);
        var length = seed.Length;
        switch (random.Next(4))
        {
            case 0: // flip bytes
                for (var n = random.Next(1, 4); n > 0; n--)
                {
                    destination[random.Next(length)] ^= (byte)random.Next(1, 256);
                }
                break;
            case 1: // truncate
                length = random.Next(0, length);
                break;
            case 2: // extend with noise and fix the header length
                var extra = random.Next(1, 9) * 4;
                random.NextBytes(destination.AsSpan(length, extra));
                length += extra;
                BinaryPrimitives.WriteUInt16BigEndian(destination.AsSpan(2), (ushort)(length - 20));
                break;
            default: // corrupt an attribute length
                var position = 20 + (4 * random.Next((length - 20) / 4));
                BinaryPrimitives.WriteUInt16BigEndian(destination.AsSpan(position + 2), (ushort)random.Next(0, 600));
                break;
        }
        return length;
    }

    private static bool Exercise(ReadOnlySpan<byte> datagram)
    {
        StunMessageReader.IsStun(datagram);
        StunMessageReader.TryPeekUsername(datagram, out _);
        if (!StunMessageReader.TryParse(datagram, out var message))
        {
            return false;
        }
        _ = message.MessageType;
        _ = message.TransactionId;
        message.TryGetUsername(out _);
        message.TryGetPriority(out _);
        message.TryGetIceControlling(out _);
        message.TryGetIceControlled(out _);
        message.TryGetXorMappedAddress(out _);
        message.TryGetMappedAddress(out _);
        message.TryGetErrorCode(out _, out _);
        message.TryGetAttribute(StunAttributeType.Software, out _);
        message.TryGetAttribute(StunAttributeType.Fingerprint, out _);
        message.VerifyMessageIntegrity("key"u8);
        message.VerifyFingerprint();
        Span<ushort> unknown = stackalloc ushort[8];
        message.GetUnknownComprehensionRequired(unknown);
        foreach (var attribute in message.GetAttributes())
        {
            Assert.True(attribute.Value.Length <= datagram.Length);
        }
        return true;
    }
}
