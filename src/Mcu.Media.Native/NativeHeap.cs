using Mcu.Media.Native.Interop;

namespace Mcu.Media.Native;

/// <summary>
/// The C library's allocator, where libvpx, libavcodec, libopus, Skia and the pooled frames live. A server
/// whose decoders come and go with participants keeps glibc's heaps from growing with every
/// join and leave: large blocks mapped on their own, few heaps, free memory trimmed after leaves.
/// </summary>
public static class NativeHeap
{
    /// <summary>Blocks from 64 KiB up (a 640x360 decoder's frame buffers, pooled pictures) are mapped on their own.</summary>
    public const int DefaultMapThreshold = 64 * 1024;

    /// <summary>Two heaps: the hot paths allocate nothing, so more heaps only hold more free memory.</summary>
    public const int DefaultMaxArenas = 2;

    /// <summary>
    /// Sets glibc's mmap threshold (fixed, so that it no longer rises after the first free), the
    /// size above which a heap's free top is given back (the same), and its maximum number of
    /// heaps. Returns false where the C library is not glibc.
    /// </summary>
    public static bool Configure(int mapThresholdBytes = DefaultMapThreshold, int maxArenas = DefaultMaxArenas)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(mapThresholdBytes, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(mapThresholdBytes, 32 * 1024 * 1024);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxArenas, 1);
        var code = NativeMethods.HeapConfigure(mapThresholdBytes, maxArenas);
        if (code == (int)NativeErrorCode.Unsupported)
        {
            return false;
        }
        ThrowHelper.ThrowIfFailed(code);
        return true;
    }

    /// <summary>Gives the free memory of every heap back to the system; true when some was.</summary>
    public static bool Trim()
    {
        var code = NativeMethods.HeapTrim(out var released);
        if (code == (int)NativeErrorCode.Unsupported)
        {
            return false;
        }
        ThrowHelper.ThrowIfFailed(code);
        return released != 0;
    }
}
