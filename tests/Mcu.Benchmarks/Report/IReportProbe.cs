namespace Mcu.Benchmarks.Report;

/// <summary>
/// One measuring step of <c>report</c>: it runs its references and our code side by side and
/// returns table rows. Steps run one after another, so that they do not compete for the cores.
/// </summary>
internal interface IReportProbe
{
    /// <summary>Short name for the progress display.</summary>
    string Name { get; }

    IReadOnlyList<ReportRow> Run(ReportContext context);
}
