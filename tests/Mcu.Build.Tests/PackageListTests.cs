namespace Mcu.Build.Tests;

public class PackageListTests
{
    [Fact]
    public void The_list_names_each_package_once_in_known_groups()
    {
        var entries = DebianPackageList.Read();
        Assert.NotEmpty(entries);
        Assert.All(entries, e => Assert.Contains(e.Group, new[] { "build", "run", "test" }));
        var duplicates = entries.GroupBy(e => e.Package).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.Empty(duplicates);
    }

    [Fact]
    public void The_codec_libraries_are_in_the_build_group()
    {
        var build = DebianPackageList.Group("build");
        Assert.Contains("libvpx-dev", build);
        Assert.Contains("libavcodec-dev", build);
        Assert.Contains("libopus-dev", build);
        Assert.Contains("libyuv-dev", build);
        Assert.Contains("cmake", build);
    }

    [Theory]
    [InlineData("build")]
    [InlineData("run")]
    [InlineData("test")]
    public void The_script_reads_the_same_packages_as_the_list(string group)
    {
        var (exit, stdout, stderr) = RepositoryRoot.Run("bash", ".setup/ensure-packages.sh", "--print", group);
        Assert.True(exit == 0, stderr);
        var printed = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(DebianPackageList.Group(group), printed);
    }

    [Fact]
    public void An_unknown_group_is_refused_by_name()
    {
        var (exit, _, stderr) = RepositoryRoot.Run("bash", ".setup/ensure-packages.sh", "bulid");
        Assert.Equal(2, exit);
        Assert.Contains("no group 'bulid'", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_root_a_missing_package_fails_with_one_message_naming_it()
    {
        // A copy of the script beside a list with a package no machine has; run as nobody.
        var dir = Directory.CreateTempSubdirectory("mcu-ensure-");
        try
        {
            File.Copy(RepositoryRoot.File(".setup/ensure-packages.sh"), Path.Combine(dir.FullName, "ensure-packages.sh"));
            File.WriteAllText(Path.Combine(dir.FullName, "debian-packages.txt"), "build  bash\nbuild  mcu-no-such-package\n");
            var script = Path.Combine(dir.FullName, "ensure-packages.sh");
            File.SetUnixFileMode(dir.FullName, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
                | UnixFileMode.OtherRead | UnixFileMode.OtherExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute);
            var asNobody = Environment.UserName == "root"
                ? RepositoryRoot.Run("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "bash", script, "build")
                : RepositoryRoot.Run("bash", script, "build");
            Assert.Equal(1, asNobody.ExitCode);
            // Only the missing package is named; bash is installed.
            Assert.StartsWith(
                "error: the MCU needs these Debian packages, which are not installed: mcu-no-such-package\n",
                asNobody.Stderr, StringComparison.Ordinal);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
