using BenchmarkDotNet.Running;
using Mcu.Benchmarks;
using Mcu.Benchmarks.Report;
using Mcu.Benchmarks.Room;
using Mcu.Benchmarks.Server;

// dotnet run -c Release --project tests/Mcu.Benchmarks -- report        (the performance table)
// dotnet run -c Release --project tests/Mcu.Benchmarks -- --filter '*Codec*'   (micro-benchmarks)
if (args.Length > 0 && args[0] == "report")
{
    return ReportCommand.Run(args.AsSpan(1));
}

if (args.Length > 0 && args[0] == "bots")
{
    return BotsCommand.Run(args.AsSpan(1)); // the report's bot process (BotFleet)
}

if (args.Length > 0 && args[0] == "botdriver")
{
    return BotDriverCommand.Run(); // the latency, memory and capacity probes' bot process (BotDriver)
}

BenchmarkSwitcher.FromAssembly(typeof(CodecBenchmarkConfig).Assembly).Run(args, new CodecBenchmarkConfig());
return 0;
