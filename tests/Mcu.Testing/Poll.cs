namespace Mcu.Testing;

/// <summary>Waiting for a condition that real media, threads or processes make true eventually.</summary>
public static class Poll
{
    /// <summary>Polls every 50 ms; throws a <see cref="TimeoutException"/> naming <paramref name="what"/> after <paramref name="patience"/>.</summary>
    public static async Task UntilAsync(Func<bool> condition, TimeSpan patience, string what)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var until = DateTime.UtcNow + patience;
        while (!condition())
        {
            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException($"timed out waiting until {what}");
            }
            await Task.Delay(50).ConfigureAwait(false);
        }
    }
}
