namespace Mcu.Benchmarks.Report;

/// <summary>Where the checkout is (found from the binaries) and where the report keeps generated inputs.</summary>
internal sealed class RepositoryPaths
{
    private RepositoryPaths(string root)
    {
        Root = root;
        Layouts = Path.Combine(root, "layouts");
        NativeBuild = Path.Combine(root, "native", "build");
        Work = Path.Combine(AppContext.BaseDirectory, "report-work");
        Directory.CreateDirectory(Work);
    }

    public string Root { get; }

    /// <summary>The layout files users get.</summary>
    public string Layouts { get; }

    /// <summary>CMake's build directory of native/ (the reference program is built there).</summary>
    public string NativeBuild { get; }

    /// <summary>Generated inputs, kept between runs.</summary>
    public string Work { get; }

    public static RepositoryPaths Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Mcu.sln")))
            {
                return new RepositoryPaths(dir.FullName);
            }
        }

        throw new InvalidOperationException("No Mcu.sln above the benchmark binaries: run the report from a checkout.");
    }
}
