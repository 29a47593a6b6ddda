using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;

namespace Mcu.Benchmarks;

/// <summary>
/// A short job (one launch, one warm-up, three measured iterations) so that the codec set runs
/// in a few minutes on a 2-core machine, with allocations reported.
/// </summary>
public sealed class CodecBenchmarkConfig : ManualConfig
{
    public CodecBenchmarkConfig()
    {
        Add(DefaultConfig.Instance);
        AddJob(Job.ShortRun.WithWarmupCount(1).WithIterationCount(3).WithId("Short"));
        AddDiagnoser(MemoryDiagnoser.Default);
    }
}
