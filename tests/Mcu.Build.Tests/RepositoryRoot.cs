using System.Diagnostics;

namespace Mcu.Build.Tests;

/// <summary>Finds the checkout the tests run from and runs commands in it.</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    public static string File(string relative) => System.IO.Path.Combine(Path, relative);

    public static string ReadAllText(string relative) => System.IO.File.ReadAllText(File(relative));

    public static (int ExitCode, string Stdout, string Stderr) Run(string fileName, params string[] arguments)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {fileName}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {string.Join(' ', arguments)} did not finish in 60 s");
        }
        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (System.IO.File.Exists(System.IO.Path.Combine(dir.FullName, "Mcu.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException($"no Mcu.sln above {AppContext.BaseDirectory}");
    }
}
