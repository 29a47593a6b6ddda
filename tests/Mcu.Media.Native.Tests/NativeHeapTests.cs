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

    // Whether a freed block leaves at once (mmapped) or stays in a heap's bins depends on what
    // earlier code in this process freed; after Trim it has left either way, which is what the
    // server relies on after members leave. Measured on the freed blocks' own pages (mincore), not
    // on the process's resident total, which the runtime's own threads move meanwhile.
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
        try
        {
            var (resident, pages) = ResidentInteriorPages(blocks, size);
            Assert.True(resident == pages, $"{resident} of {pages} pages of the live blocks are resident");

            Free(blocks);
            NativeHeap.Trim();

            (resident, pages) = ResidentInteriorPages(blocks, size);
            Assert.True(resident <= pages / 20, $"{resident} of {pages} pages of the freed blocks are still resident after Trim");
        }
        finally
        {
            Free(spacers);
        }
    }

    /// <summary>
    /// Of the whole pages inside each block (past the allocator's chunk header), how many are in
    /// memory; pages no longer mapped count as gone.
    /// </summary>
    private static (long Resident, long Pages) ResidentInteriorPages(nint[] blocks, int size)
    {
        var page = Environment.SystemPageSize;
        var vector = new byte[(size / page) + 1];
        long resident = 0;
        long pages = 0;
        fixed (byte* flags = vector)
        {
            foreach (var block in blocks)
            {
                var first = (block + 64 + page - 1) & ~(nint)(page - 1);
                var end = (block + size) & ~(nint)(page - 1);
                if (end <= first)
                {
                    continue;
                }
                var count = (int)((end - first) / page);
                pages += count;
                if (MinCore(first, (nuint)(end - first), flags) != 0)
                {
                    continue; // ENOMEM: unmapped, given back
                }
                for (var i = 0; i < count; i++)
                {
                    resident += flags[i] & 1;
                }
            }
        }
        return (resident, pages);
    }

    [DllImport("libc", EntryPoint = "mincore")]
    private static extern int MinCore(nint address, nuint length, byte* vector);

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
