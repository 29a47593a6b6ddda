using System.Text.RegularExpressions;

namespace Mcu.Build.Tests;

/// <summary>The Dockerfile and a developer machine install the same packages from one list.</summary>
public partial class DockerfileTests
{
    private static readonly string[] RunInstructions = ReadRunInstructions();

    [Fact]
    public void The_dockerfile_installs_debian_packages_only_through_the_set_up_script()
    {
        foreach (var run in RunInstructions)
        {
            Assert.False(DirectInstall().IsMatch(run), $"Dockerfile installs packages by name: {run}");
        }
    }

    [Fact]
    public void The_build_stage_installs_the_build_and_run_groups_and_the_runtime_stage_the_run_group()
    {
        var installs = RunInstructions
            .Select(run => EnsurePackages().Match(run))
            .Where(m => m.Success)
            .Select(m => m.Groups["groups"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Where(a => !a.StartsWith('-')).ToHashSet())
            .ToList();
        Assert.Equal(2, installs.Count);
        Assert.Equal(new HashSet<string> { "build", "run" }, installs[0]);
        Assert.Equal(new HashSet<string> { "run" }, installs[1]);
        var known = DebianPackageList.Read().Select(e => e.Group).ToHashSet();
        Assert.All(installs.SelectMany(g => g), group => Assert.Contains(group, known));
    }

    [Fact]
    public void The_dockerfile_exposes_http_and_the_media_port_and_runs_the_server()
    {
        var text = RepositoryRoot.ReadAllText("Dockerfile");
        Assert.Contains("EXPOSE 8080/tcp", text, StringComparison.Ordinal);
        Assert.Matches(@"EXPOSE \d+/udp", text);
        Assert.Contains("dotnet publish src/Mcu.Server/Mcu.Server.csproj", text, StringComparison.Ordinal);
        Assert.Contains("ENTRYPOINT [\"dotnet\", \"Mcu.Server.dll\"]", text, StringComparison.Ordinal);
        Assert.True(Regex.Count(text, @"^FROM ", RegexOptions.Multiline) >= 2, "the Dockerfile is multi-stage");
    }

    private static string[] ReadRunInstructions()
    {
        // Join continuation lines so that one RUN instruction is one string.
        var joined = RepositoryRoot.ReadAllText("Dockerfile").Replace("\\\n", " ", StringComparison.Ordinal);
        return joined.Split('\n')
            .Select(l => l.Trim())
            .Where(l => l.StartsWith("RUN ", StringComparison.Ordinal))
            .ToArray();
    }

    [GeneratedRegex(@"\b(apt-get|apt|dpkg)\s+(-\S+\s+)*install\b")]
    private static partial Regex DirectInstall();

    [GeneratedRegex(@"ensure-packages\.sh(?<groups>(\s+[-\w]+)+)")]
    private static partial Regex EnsurePackages();
}
