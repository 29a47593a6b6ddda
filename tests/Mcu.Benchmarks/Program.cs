using BenchmarkDotNet.Running;
using Mcu.Benchmarks;

// dotnet run -c Release --project tests/Mcu.Benchmarks -- --filter '*Codec*'
BenchmarkSwitcher.FromAssembly(typeof(CodecBenchmarkConfig).Assembly).Run(args, new CodecBenchmarkConfig());
