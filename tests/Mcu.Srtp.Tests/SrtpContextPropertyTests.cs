namespace Mcu.Srtp.Tests;

// Arbitrary and mutated bytes: nothing throws, nothing forged authenticates, nothing is written
// outside the span given (span bounds turn any over-read into an exception, which would fail here).
public class SrtpContextPropertyTests
{
    private const int Guard = 64;

    [Theory]
    [MemberData(nameof(TestPackets.Profiles), MemberType = typeof(TestPackets))]
    public void Random_bytes_never_throw_and_never_authenticate(SrtpProfile profile)
    {
        using var receiver = new SrtpContext(TestPackets.MasterKey(profile));
        var random = new Random(1234);
        var storage = new byte[300 + Guard];
        for (var i = 0; i < 3000; i++)
        {
            var length = random.Next(0, 300);
            random.NextBytes(storage);
            if (length > 0 && random.Next(2) == 0)
            {
                storage[0] = (byte)(0x80 | (storage[0] & 0x3F)); // version 2, past the first check
            }
            var guard = storage[length..(length + Guard)];
            var rtcp = i % 2 == 1;

            var result = rtcp
                ? receiver.UnprotectRtcp(storage.AsSpan(0, length), out var outLength)
                : receiver.UnprotectRtp(storage.AsSpan(0, length), out outLength);

            Assert.NotEqual(SrtpResult.Ok, result);
            Assert.Equal(0, outLength);
            Assert.Equal(guard, storage[length..(length + Guard)]);
        }
        Assert.Equal(0, receiver.SsrcCount);
    }

    [Theory]
    [MemberData(nameof(TestPackets.Profiles), MemberType = typeof(TestPackets))]
    public void Mutated_packets_never_throw_never_authenticate_and_leave_the_stream_intact(SrtpProfile profile)
    {
        using var sender = new SrtpContext(TestPackets.MasterKey(profile));
        using var receiver = new SrtpContext(TestPackets.MasterKey(profile));
        var random = new Random(5678);
        for (var i = 0; i < 2000; i++)
        {
            var rtcp = i % 4 == 3;
            var genuine = rtcp ? Rtcp(sender) : Rtp(sender, (ushort)(65000 + i), random);
            var mutated = Mutate(genuine, random);
            var storage = new byte[mutated.Length + Guard];
            mutated.CopyTo(storage, 0);
            random.NextBytes(storage.AsSpan(mutated.Length));
            var guard = storage[mutated.Length..];

            var result = rtcp
                ? receiver.UnprotectRtcp(storage.AsSpan(0, mutated.Length), out _)
                : receiver.UnprotectRtp(storage.AsSpan(0, mutated.Length), out _);

            Assert.NotEqual(SrtpResult.Ok, result);
            Assert.Equal(guard, storage[mutated.Length..]);
            var stillGood = rtcp
                ? receiver.UnprotectRtcp(genuine, out _)
                : receiver.UnprotectRtp(genuine, out _);
            Assert.Equal(SrtpResult.Ok, stillGood);
        }
    }

    [Theory]
    [MemberData(nameof(TestPackets.Profiles), MemberType = typeof(TestPackets))]
    public void Protect_never_throws_or_writes_past_the_buffer_on_random_input(SrtpProfile profile)
    {
        using var sender = new SrtpContext(TestPackets.MasterKey(profile), new SrtpContextOptions { MaxSsrcs = 1000 });
        var random = new Random(42);
        var storage = new byte[400 + Guard];
        for (var i = 0; i < 2000; i++)
        {
            random.NextBytes(storage);
            var bufferLength = random.Next(0, 400);
            var length = random.Next(-2, bufferLength + 2);
            if (bufferLength > 0 && random.Next(2) == 0)
            {
                storage[0] = (byte)(0x80 | (storage[0] & 0x20));
            }
            var guard = storage[bufferLength..(bufferLength + Guard)];
            var buffer = storage.AsSpan(0, bufferLength);

            var result = i % 2 == 0
                ? sender.ProtectRtp(buffer, length, out var protectedLength)
                : sender.ProtectRtcp(buffer, length, out protectedLength);

            Assert.True(result == SrtpResult.Ok ? protectedLength <= bufferLength : protectedLength == 0);
            Assert.Equal(guard, storage[bufferLength..(bufferLength + Guard)]);
        }
    }

    private static byte[] Rtp(SrtpContext sender, ushort sequence, Random random)
    {
        var packet = TestPackets.Rtp(
            sequence, 0x7777, random.Next(0, 200), sender.RtpOverhead, random.Next(0, 3), random.Next(0, 3));
        Assert.Equal(SrtpResult.Ok, sender.ProtectRtp(packet, packet.Length - sender.RtpOverhead, out _));
        return packet;
    }

    private static byte[] Rtcp(SrtpContext sender)
    {
        var packet = TestPackets.Rtcp(0x7777, sender.RtcpOverhead);
        Assert.Equal(SrtpResult.Ok, sender.ProtectRtcp(packet, TestPackets.RtcpLength, out _));
        return packet;
    }

    private static byte[] Mutate(byte[] packet, Random random)
    {
        switch (random.Next(4))
        {
            case 0:
                var flipped = (byte[])packet.Clone();
                for (var n = random.Next(1, 4); n > 0; n--)
                {
                    flipped[random.Next(flipped.Length)] ^= (byte)random.Next(1, 256);
                }
                return flipped;
            case 1:
                return packet[..random.Next(0, packet.Length)];
            case 2:
                var extended = new byte[packet.Length + random.Next(1, 40)];
                packet.CopyTo(extended, 0);
                random.NextBytes(extended.AsSpan(packet.Length));
                return extended;
            default:
                // Lie in the header: CSRC count, extension bit and extension length.
                var lying = (byte[])packet.Clone();
                lying[0] = (byte)(0x80 | (random.Next(2) << 4) | ((lying[0] + random.Next(1, 16)) & 0x0F));
                lying[14] = (byte)random.Next(256);
                lying[15] = (byte)random.Next(256);
                return lying;
        }
    }
}
