using System.Diagnostics;

namespace Mcu.Benchmarks.Report;

/// <summary>
/// The progress display on stderr (stdout carries the report): the step, how far it is, and
/// the time since the report started. On a terminal the line is rewritten in place.
/// </summary>
internal sealed class Progress
{
    private readonly long _start = Stopwatch.GetTimestamp();
    private readonly bool _interactive = !Console.IsErrorRedirected;
    private int _lastLength;

    /// <summary>Shows what is running now; <paramref name="done"/> of <paramref name="total"/> steps of the current probe.</summary>
    public void Report(string probe, string step, int done, int total)
    {
        var elapsed = Stopwatch.GetElapsedTime(_start);
        int width = 20;
        int filled = total <= 0 ? 0 : Math.Clamp(done * width / total, 0, width);
        string line = $"[{elapsed:mm\\:ss}] {probe} [{new string('#', filled)}{new string('.', width - filled)}] {done}/{total} {step}";
        if (_interactive)
        {
            Console.Error.Write('\r' + line.PadRight(_lastLength));
            _lastLength = line.Length;
        }
        else
        {
            Console.Error.WriteLine(line);
        }
    }

    /// <summary>Ends the current line (on a terminal) so that the next output starts clean.</summary>
    public void Finish()
    {
        if (_interactive && _lastLength > 0)
        {
            Console.Error.WriteLine();
            _lastLength = 0;
        }
    }
}
