using System.Buffers.Binary;

namespace Mcu.Srtp.Tests;

public class SrtpContextAllocationTests
{
    [Theory]
    [MemberData(nameof(TestPackets.Profiles), MemberType = typeof(TestPackets))]
    public void Protect_and_unprotect_allocate_nothing_after_warm_up(SrtpProfile profile)
    {
        using var sender = new SrtpContext(TestPackets.MasterKey(profile));
        using var receiver = new SrtpContext(TestPackets.MasterKey(profile));
        var rtp = TestPackets.Rtp(0, 0xABCDEF01, payloadLength: 1188, spare: sender.RtpOverhead);
        var rtcp = TestPackets.Rtcp(0xABCDEF01, spare: sender.RtcpOverhead);
        ushort sequence = 64000; // the measured run crosses the sequence wrap
        var failures = 0;
        for (var i = 0; i < 200; i++)
        {
            failures += RoundTrip(sender, receiver, rtp, rtcp, sequence++);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            failures += RoundTrip(sender, receiver, rtp, rtcp, sequence++);
        }
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, failures);
        Assert.Equal(0, allocated);
    }

    private static int RoundTrip(SrtpContext sender, SrtpContext receiver, byte[] rtp, byte[] rtcp, ushort sequence)
    {
        var failures = 0;
        BinaryPrimitives.WriteUInt16BigEndian(rtp.AsSpan(2), sequence);
        if (sender.ProtectRtp(rtp, rtp.Length - sender.RtpOverhead, out var srtpLength) != SrtpResult.Ok ||
            receiver.UnprotectRtp(rtp.AsSpan(0, srtpLength), out _) != SrtpResult.Ok)
        {
            failures++;
        }
        if (sender.ProtectRtcp(rtcp, TestPackets.RtcpLength, out var srtcpLength) != SrtpResult.Ok ||
            receiver.UnprotectRtcp(rtcp.AsSpan(0, srtcpLength), out _) != SrtpResult.Ok)
        {
            failures++;
        }
        return failures;
    }
}
