namespace Mcu.Benchmarks.Report;

/// <summary>
/// One line of the report table: a measured figure, the reference it is held against, their
/// ratio (or the figure itself when there is no reference), and whether the target holds.
/// </summary>
/// <param name="Target">The target number ("1", "2", ...).</param>
/// <param name="Figure">What was measured, in words.</param>
/// <param name="Ours">Our value with its unit.</param>
/// <param name="Reference">The reference's value, or the fixed bound when there is none.</param>
/// <param name="Ratio">Ours relative to the reference, or null for an absolute figure.</param>
/// <param name="Limit">The target, e.g. "<= 1.10".</param>
/// <param name="Holds">Whether the target holds; null when the step could not measure it.</param>
internal sealed record ReportRow(string Target, string Figure, string Ours, string Reference, double? Ratio, string Limit, bool? Holds);
