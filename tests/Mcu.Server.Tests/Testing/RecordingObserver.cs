using System.Collections.Concurrent;
using Mcu.Rtp;
using Mcu.Rtp.Rtcp;
using Mcu.WebRtc;

namespace Mcu.Server.Tests.Testing;

/// <summary>What our client received, collected on its loop thread.</summary>
internal sealed class RecordingObserver : IPeerSessionObserver
{
    public ConcurrentQueue<byte[]> Rtp { get; } = new();

    public ConcurrentQueue<RtcpPacketKind> RtcpKinds { get; } = new();

    public void OnStateChanged(PeerSession session, PeerState state)
    {
    }

    public void OnRtp(PeerSession session, TimeSpan now, Span<byte> buffer, int length) => Rtp.Enqueue(buffer[..length].ToArray());

    public void OnRtcp(PeerSession session, TimeSpan now, ReadOnlySpan<byte> compound)
    {
        var reader = new RtcpCompoundReader(compound);
        while (reader.TryReadNext(out var packet))
        {
            RtcpKinds.Enqueue(packet.Kind);
        }
    }

    public static async Task WaitFor(Func<bool> condition, TimeSpan timeout, string what)
    {
        var until = DateTime.UtcNow + timeout;
        while (!condition())
        {
            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException($"timed out waiting for {what}");
            }
            await Task.Delay(20);
        }
    }
}
