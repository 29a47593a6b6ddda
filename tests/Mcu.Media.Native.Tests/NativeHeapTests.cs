using System.Runtime.InteropServices;

namespace Mcu.Media.Native.Tests;

/// <summary>Resident memory is per process: nothing else of this assembly runs meanwhile.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessMemoryGroup
{
    public const string Name = "process memory";
}

[Collection(ProcessMemoryGroup.Name)]
public sealed unsafe class NativeHeapTests
{
    private const long MiB = 1024 * 1024;

    [Fact]
    public void Configure_RejectsValuesGlibcWouldRefuse()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => NativeHeap.Configure(0, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => NativeHeap.Configure(64 * 1024 * 1024, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => NativeHeap.Configure(64 * 1024, 0));
    }

    [Fact]
    public void AfterConfigure_FreedDecoderSizedBlocksLeaveTheProcessAtOnce()
    {
        Assert.True(NativeHeap.Configure());
        // Unconfigured glibc raises its threshold past a block this size after the first free and
        // then keeps such blocks in its heap: the growth that joins and leaves showed.
        Free(Allocate(1, 4 * MiB));
        var (blocks, spacers) = AllocateBetweenSpacers(64, 256 * 1024);
        var peak = ResidentBytes();

        Free(blocks);

        var returned = peak - ResidentBytes();
        Free(spacers);
        Assert.True(returned >= 12 * MiB, $"Only {returned / MiB} MiB of 16 MiB freed left the process");
    }

    [Fact]
    public void Trim_ReturnsFreeMemoryThatGlibcKeepsInsideItsHeaps()
    {
        Assert.True(NativeHeap.Configure());
        // Blocks below the threshold, freed between live ones: glibc keeps them in its heap.
        var (blocks, spacers) = AllocateBetweenSpacers(400, 32 * 1024);
        Free(blocks);
        var before = ResidentBytes();

        Assert.True(NativeHeap.Trim());

        var after = ResidentBytes();
        Free(spacers);
        Assert.True(before - after >= 8 * MiB, $"RSS went from {before / MiB} MiB to {after / MiB} MiB");
    }

    /// <summary>
    /// Blocks each followed by a small one that stays: freed, they sit between live blocks,
    /// where glibc can neither merge them into the heap's top nor trim them on its own.
    /// </summary>
    private static (nint[] Blocks, nint[] Spacers) AllocateBetweenSpacers(int count, long size)
    {
        var blocks = new nint[count];
        var spacers = new nint[count];
        for (var i = 0; i < count; i++)
        {
            blocks[i] = Allocate(1, size)[0];
            spacers[i] = Allocate(1, 512)[0];
        }
        return (blocks, spacers);
    }

    private static nint[] Allocate(int count, long size)
    {
        var blocks = new nint[count];
        for (var i = 0; i < count; i++)
        {
            var block = (byte*)NativeMemory.Alloc((nuint)size);
            new Span<byte>(block, (int)size).Fill(0x5a); // resident only once touched
            blocks[i] = (nint)block;
        }
        return blocks;
    }

    private static void Free(nint[] blocks)
    {
        foreach (var block in blocks)
        {
            NativeMemory.Free((void*)block);
        }
    }

    private static long ResidentBytes()
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                return long.Parse(line.AsSpan(6).Trim().TrimEnd("kB").Trim(), System.Globalization.CultureInfo.InvariantCulture) * 1024;
            }
        }
        throw new InvalidOperationException("/proc/self/status has no VmRSS.");
    }
}
