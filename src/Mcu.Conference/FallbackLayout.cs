using Mcu.Compositor.Layouts;

namespace Mcu.Conference;

/// <summary>
/// A plain grid used only when the layouts directory offers nothing usable (every file broken
/// or deleted), so that a room never stops showing its members.
/// </summary>
internal static class FallbackLayout
{
    private static readonly LayoutDefinition[] Grids = BuildGrids(6);

    public static LayoutDefinition Grid(int members)
    {
        var columns = 1;
        while (columns * columns < members && columns < Grids.Length)
        {
            columns++;
        }
        return Grids[columns - 1];
    }

    private static LayoutDefinition[] BuildGrids(int largest)
    {
        var grids = new LayoutDefinition[largest];
        for (var n = 1; n <= largest; n++)
        {
            var slots = new List<LayoutSlot>(n * n);
            for (var row = 0; row < n; row++)
            {
                for (var column = 0; column < n; column++)
                {
                    slots.Add(new LayoutSlot((double)column / n, (double)row / n, 1.0 / n, 1.0 / n));
                }
            }
            grids[n - 1] = new LayoutDefinition($"fallback-grid-{n}x{n}", slots, new LayoutColor(16, 16, 16), "Built-in grid used when no layout file is usable");
        }
        return grids;
    }
}
