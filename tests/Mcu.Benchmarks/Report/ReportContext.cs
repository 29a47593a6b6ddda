namespace Mcu.Benchmarks.Report;

/// <summary>What every probe gets: the options, the progress display, paths, and a place for details.</summary>
internal sealed class ReportContext(ReportOptions options, Progress progress, RepositoryPaths paths)
{
    private readonly List<string> _details = [];

    public ReportOptions Options { get; } = options;

    public Progress Progress { get; } = progress;

    public RepositoryPaths Paths { get; } = paths;

    /// <summary>Lines printed under the table: how each figure was measured, breakdowns, per-run values.</summary>
    public IReadOnlyList<string> Details => _details;

    public void AddDetail(string line) => _details.Add(line);
}
