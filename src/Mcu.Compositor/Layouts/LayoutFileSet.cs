namespace Mcu.Compositor.Layouts;

/// <summary>
/// The catalog's logic without the file system: given the current content of every layout file,
/// keeps the last good version of each and builds the <see cref="LayoutSnapshot"/>. Not thread-safe.
/// </summary>
/// <remarks>
/// <para>A file that does not parse keeps its previous good version in effect and is reported.</para>
/// <para>Rules across files: names are unique (ignoring case); a group names only known layouts or
/// groups; groups form no cycle. A file whose new version breaks one of these is reported and
/// keeps its previous version. When a file that did not change is broken by another (a group
/// whose layout was deleted), it leaves the snapshot until the rule holds again. Between two new
/// files claiming one name, the one later in ordinal file-name order is rejected.</para>
/// </remarks>
public sealed class LayoutFileSet
{
    private readonly Dictionary<string, FileState> _files = new(StringComparer.Ordinal);

    /// <summary>What is in effect now.</summary>
    public LayoutSnapshot Current { get; private set; } = LayoutSnapshot.Empty;

    /// <summary>
    /// Takes the complete current set of files (name and content); files missing from it are
    /// deleted. Returns true when anything changed, after which <see cref="Current"/> is new.
    /// </summary>
    public bool Update(IReadOnlyList<LayoutSourceFile> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        bool changed = false;
        var present = new HashSet<string>(StringComparer.Ordinal);
        foreach (LayoutSourceFile file in files)
        {
            if (!present.Add(file.Name))
            {
                continue;
            }

            if (!_files.TryGetValue(file.Name, out FileState? state))
            {
                state = new FileState();
                _files.Add(file.Name, state);
            }

            if (state.Content is null || !state.Content.AsSpan().SequenceEqual(file.Content.Span))
            {
                state.Content = file.Content.ToArray();
                state.Parsed = LayoutParser.TryParse(file.Name, state.Content, out NamedLayout? layout, out LayoutError? error) ? layout : null;
                state.ParseError = error;
                changed = true;
            }
        }

        foreach (string name in _files.Keys.ToArray())
        {
            if (!present.Contains(name))
            {
                _files.Remove(name);
                changed = true;
            }
        }

        if (changed)
        {
            Current = Rebuild();
        }

        return changed;
    }

    private LayoutSnapshot Rebuild()
    {
        var candidates = new SortedDictionary<string, NamedLayout>(StringComparer.Ordinal);
        var errors = new Dictionary<string, LayoutError>(StringComparer.Ordinal);
        foreach ((string file, FileState state) in _files)
        {
            if (state.ParseError is not null)
            {
                errors[file] = state.ParseError;
            }

            if ((state.Parsed ?? state.Accepted) is NamedLayout candidate)
            {
                candidates[file] = candidate;
            }
        }

        // Each round reverts or removes one candidate, so this ends.
        while (FindProblem(candidates) is LayoutError problem)
        {
            // A file's own syntax error, if it has one, is the one to report and fix first.
            FileState state = _files[problem.File];
            errors.TryAdd(problem.File, problem);
            if (IsNew(problem.File, candidates) && state.Accepted is not null)
            {
                candidates[problem.File] = state.Accepted;
            }
            else
            {
                candidates.Remove(problem.File);
            }
        }

        foreach ((string file, NamedLayout layout) in candidates)
        {
            _files[file].Accepted = layout;
        }

        return new LayoutSnapshot(candidates.Values, errors.Values);
    }

    /// <summary>True when the candidate of a file is a version not yet accepted.</summary>
    private bool IsNew(string file, SortedDictionary<string, NamedLayout> candidates) =>
        !ReferenceEquals(candidates[file], _files[file].Accepted);

    /// <summary>The first cross-file rule broken, blamed on one file; null when all hold.</summary>
    private LayoutError? FindProblem(SortedDictionary<string, NamedLayout> candidates)
    {
        // Duplicate names: the accepted claimant keeps the name, else the first file in order.
        var owners = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach ((string file, NamedLayout layout) in candidates)
        {
            if (!IsNew(file, candidates))
            {
                owners.TryAdd(layout.Name, file);
            }
        }

        foreach ((string file, NamedLayout layout) in candidates)
        {
            if (!owners.TryAdd(layout.Name, file) && owners[layout.Name] != file)
            {
                return new LayoutError(file, layout.NameLine, $"the name \"{layout.Name}\" is already used by {owners[layout.Name]}");
            }
        }

        var byName = new Dictionary<string, (string File, NamedLayout Layout)>(StringComparer.OrdinalIgnoreCase);
        foreach ((string file, NamedLayout layout) in candidates)
        {
            byName[layout.Name] = (file, layout);
        }

        foreach ((string file, NamedLayout layout) in candidates)
        {
            if (layout is LayoutGroup group)
            {
                foreach (LayoutChoice choice in group.Choices)
                {
                    if (!byName.ContainsKey(choice.Layout))
                    {
                        return new LayoutError(file, choice.Line, DescribeMissing(choice.Layout));
                    }
                }
            }
        }

        return FindCycle(candidates, byName);
    }

    /// <summary>Why a name is not in effect: never defined, or defined by a file that has an error.</summary>
    private string DescribeMissing(string name)
    {
        foreach ((string file, FileState state) in _files)
        {
            if (string.Equals((state.Parsed ?? state.Accepted)?.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return $"the group names \"{name}\", which is not in effect because {file} has an error";
            }
        }

        return $"the group names \"{name}\", which is no layout or group";
    }

    /// <summary>A cycle between groups, blamed on a new group in it when there is one.</summary>
    private LayoutError? FindCycle(
        SortedDictionary<string, NamedLayout> candidates,
        Dictionary<string, (string File, NamedLayout Layout)> byName)
    {
        // Depth-first search; a group met again while still on the path closes a cycle.
        var onPath = new HashSet<string>(StringComparer.Ordinal);
        var finished = new HashSet<string>(StringComparer.Ordinal);
        var path = new List<(string File, LayoutChoice Choice)>();
        foreach ((string file, NamedLayout layout) in candidates)
        {
            if (layout is LayoutGroup group && Visit(file, group) is int cycleStart)
            {
                // Blame the last new group on the cycle (the edit that closed it), else its last step.
                List<(string File, LayoutChoice Choice)> cycle = path[cycleStart..];
                int blamed = cycle.Count - 1;
                for (int i = 0; i < cycle.Count; i++)
                {
                    if (IsNew(cycle[i].File, candidates))
                    {
                        blamed = i;
                    }
                }

                var names = new List<string>(cycle.Count + 1);
                for (int i = 0; i <= cycle.Count; i++)
                {
                    names.Add(candidates[cycle[(blamed + i) % cycle.Count].File].Name);
                }

                return new LayoutError(cycle[blamed].File, cycle[blamed].Choice.Line, $"groups form a cycle: {string.Join(" -> ", names)}");
            }
        }

        return null;

        // The index in path where a cycle starts, or null when none is reachable from this group.
        int? Visit(string file, LayoutGroup group)
        {
            if (finished.Contains(file))
            {
                return null;
            }

            if (!onPath.Add(file))
            {
                return path.FindIndex(step => step.File == file);
            }

            foreach (LayoutChoice choice in group.Choices)
            {
                path.Add((file, choice));
                if (byName.TryGetValue(choice.Layout, out (string File, NamedLayout Layout) next)
                    && next.Layout is LayoutGroup nextGroup
                    && Visit(next.File, nextGroup) is int found)
                {
                    return found;
                }

                path.RemoveAt(path.Count - 1);
            }

            onPath.Remove(file);
            finished.Add(file);
            return null;
        }
    }

    private sealed class FileState
    {
        public byte[]? Content { get; set; }

        public NamedLayout? Parsed { get; set; }

        public LayoutError? ParseError { get; set; }

        public NamedLayout? Accepted { get; set; }
    }
}
