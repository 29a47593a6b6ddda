namespace Mcu.Build.Tests;

/// <summary>The top level is fixed by design, and the README and CI run the same commands.</summary>
public class RepositoryLayoutTests
{
    private static readonly string[] Designed =
        ["src", "native", "tests", "layouts", "samples", "Mcu.sln", "Dockerfile", "README.md"];

    private static readonly string[] StandardFiles =
        ["global.json", "Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props"];

    public const string TestCommand = "dotnet test Mcu.sln -c Release";
    public const string RunCommand = "dotnet run -c Release --project src/Mcu.Server";

    [Fact]
    public void The_top_level_holds_the_designed_entries_and_nothing_else_but_hidden_and_standard_files()
    {
        var (exit, stdout, stderr) = RepositoryRoot.Run("git", "ls-files", "--cached", "--others", "--exclude-standard");
        Assert.True(exit == 0, "git ls-files failed: " + stderr);
        var topLevel = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(path => path.Split('/')[0])
            .Where(entry => !entry.StartsWith('.'))
            .ToHashSet();
        var unexpected = topLevel.Except(Designed).Except(StandardFiles).ToList();
        Assert.True(unexpected.Count == 0, "unexpected top-level entries: " + string.Join(", ", unexpected));
        foreach (var entry in Designed)
        {
            Assert.True(File.Exists(RepositoryRoot.File(entry)) || Directory.Exists(RepositoryRoot.File(entry)), $"{entry} is missing");
        }
    }

    [Fact]
    public void Ci_runs_exactly_the_readme_test_command()
    {
        var commands = RepositoryRoot.ReadAllText(".ci/run").Split('\n')
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && !l.StartsWith('#') && !l.StartsWith("set ", StringComparison.Ordinal) && !l.StartsWith("cd ", StringComparison.Ordinal))
            .ToList();
        Assert.Equal([TestCommand], commands);
        Assert.Contains(TestCommand, ReadmeCommandLines());
    }

    [Fact]
    public void The_readme_gives_the_run_command_for_the_server_project()
    {
        Assert.Contains(RunCommand, ReadmeCommandLines());
        Assert.True(File.Exists(RepositoryRoot.File("src/Mcu.Server/Mcu.Server.csproj")));
    }

    private static List<string> ReadmeCommandLines()
    {
        // Lines inside fenced code blocks.
        var lines = new List<string>();
        var inside = false;
        foreach (var line in RepositoryRoot.ReadAllText("README.md").Split('\n'))
        {
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                inside = !inside;
                continue;
            }
            if (inside)
            {
                lines.Add(line.Trim());
            }
        }
        return lines;
    }
}
