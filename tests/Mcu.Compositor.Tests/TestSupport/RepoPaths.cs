namespace Mcu.Compositor.Tests;

/// <summary>Folders of the source tree, found from the test assembly's location.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>The shipped layout files.</summary>
    public static string Layouts => Path.Combine(Root, "layouts");

    /// <summary>The committed reference images of this test project.</summary>
    public static string References => Path.Combine(Root, "tests", "Mcu.Compositor.Tests", "References");

    private static string FindRoot()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Mcu.sln")) && Directory.Exists(Path.Combine(dir.FullName, "layouts")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("The repository root (with Mcu.sln and layouts/) is not above " + AppContext.BaseDirectory);
    }
}
