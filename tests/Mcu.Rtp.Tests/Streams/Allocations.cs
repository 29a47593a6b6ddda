namespace Mcu.Rtp.Tests.Streams;

/// <summary>Test helper: bytes allocated on this thread by repeated calls of a warmed-up body.</summary>
internal static class Allocations
{
    public static long Measure(Action body, int rounds = 500)
    {
        body();
        body();
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < rounds; i++)
        {
            body();
        }
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }
}
