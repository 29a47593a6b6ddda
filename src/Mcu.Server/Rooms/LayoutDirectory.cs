namespace Mcu.Server.Rooms;

/// <summary>Finds the layouts directory: the configured path, else "layouts" in the working directory or beside the binaries.</summary>
internal static class LayoutDirectory
{
    public static string Resolve(string? configured)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            var full = Path.GetFullPath(configured);
            return Directory.Exists(full)
                ? full
                : throw new InvalidOperationException($"Layouts:Directory '{full}' does not exist.");
        }
        var candidates = new List<string> { Path.Combine(Directory.GetCurrentDirectory(), "layouts"), Path.Combine(AppContext.BaseDirectory, "layouts") };
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Mcu.sln")))
            {
                candidates.Add(Path.Combine(dir.FullName, "layouts"));
                break;
            }
        }
        return candidates.FirstOrDefault(Directory.Exists)
            ?? throw new InvalidOperationException($"No layouts directory found (looked in {string.Join(", ", candidates)}); set Layouts:Directory.");
    }
}
