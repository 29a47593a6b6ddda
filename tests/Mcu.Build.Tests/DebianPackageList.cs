namespace Mcu.Build.Tests;

/// <summary>The groups and packages of .setup/debian-packages.txt, read the way the set-up script reads them.</summary>
internal static class DebianPackageList
{
    public const string RelativePath = ".setup/debian-packages.txt";

    public static IReadOnlyList<(string Group, string Package)> Read()
    {
        var entries = new List<(string, string)>();
        foreach (var raw in System.IO.File.ReadAllLines(RepositoryRoot.File(RelativePath)))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }
            var fields = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            entries.Add((fields[0], fields[1]));
        }
        return entries;
    }

    public static IReadOnlyList<string> Group(string group) =>
        Read().Where(e => e.Group == group).Select(e => e.Package).ToList();
}
