using System.Runtime.InteropServices;
using Mcu.Testing;

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

    // Whether a freed block leaves at once (mmapped) or stays in a heap's bins depends on what
    // earlier code in this process freed; after Trim it has left either way, which is what the
    // server relies on after members leave.
    [Theory]
    [InlineData(400, 32 * 1024)]   // below the threshold: from the heap
    [InlineData(64, 256 * 1024)]   // decoder-sized: mmapped, or from free heap space
    public void AfterConfigureAndTrim_FreedBlocksBetweenLiveOnesLeaveTheProcess(int count, int size)
    {
        Assert.True(NativeHeap.Configure());
        // Unconfigured glibc raises its threshold past a block this size after the first free and
        // then keeps such blocks in its heap: the growth that joins and leaves showed.
        Free(Allocate(1, 4 * MiB));
        var (blocks, spacers) = AllocateBetweenSpacers(count, size);
        var peak = ProcessMemory.ResidentBytes();

        Free(blocks);
        Assert.True(NativeHeap.Trim());

        var returned = peak - ProcessMemory.ResidentBytes();
        Free(spacers);
        var freed = (long)count * size;
        Assert.True(returned >= freed * 3 / 4, $"Only {returned / MiB} MiB of {freed / MiB} MiB freed left the process");
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
}
