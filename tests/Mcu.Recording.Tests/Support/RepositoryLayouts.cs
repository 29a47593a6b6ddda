namespace Mcu.Recording.Tests.Support;

/// <summary>The layouts/ directory of this checkout: the files users get.</summary>
internal static class RepositoryLayouts
{
    public static string Directory { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Mcu.sln")))
            {
                return System.IO.Path.Combine(dir.FullName, "layouts");
            }
        }
        throw new InvalidOperationException("no Mcu.sln above the test binaries");
    }
}
