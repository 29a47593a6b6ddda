using System.Collections.Frozen;
using System.Collections.Immutable;

namespace Mcu.Compositor.Layouts;

/// <summary>
/// An immutable view of every valid layout and group at one moment, with the errors of the files
/// that were rejected; the catalog swaps a new one in atomically on every change.
/// </summary>
public sealed class LayoutSnapshot
{
    /// <summary>The name rooms use when they ask for no particular layout.</summary>
    public const string DefaultLayoutName = "auto";

    private readonly FrozenDictionary<string, NamedLayout> _byName;

    internal LayoutSnapshot(IEnumerable<NamedLayout> layouts, IEnumerable<LayoutError> errors)
    {
        _byName = layouts.ToFrozenDictionary(l => l.Name, StringComparer.OrdinalIgnoreCase);
        Layouts = [.. _byName.Values.OrderBy(l => l.Name, StringComparer.OrdinalIgnoreCase)];
        Errors = [.. errors.OrderBy(e => e.File, StringComparer.Ordinal)];
    }

    /// <summary>A snapshot with nothing in it.</summary>
    public static LayoutSnapshot Empty { get; } = new([], []);

    /// <summary>Every layout and group in effect, by name.</summary>
    public ImmutableArray<NamedLayout> Layouts { get; }

    /// <summary>One entry per file whose current content is not in effect, by file name.</summary>
    public ImmutableArray<LayoutError> Errors { get; }

    /// <summary>The layout or group called <paramref name="name"/> (any case), or null.</summary>
    public NamedLayout? Find(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return _byName.GetValueOrDefault(name);
    }

    /// <summary>
    /// The concrete layout for a room of <paramref name="participantCount"/> when it asks for
    /// <paramref name="name"/>, following groups; null when the name is unknown.
    /// </summary>
    public LayoutDefinition? Resolve(string name, int participantCount)
    {
        ArgumentNullException.ThrowIfNull(name);

        // The file set admits no cycles, so each step reaches a new name; the bound is a guard.
        for (int step = 0; step <= _byName.Count; step++)
        {
            switch (_byName.GetValueOrDefault(name))
            {
                case LayoutDefinition layout:
                    return layout;
                case LayoutGroup group:
                    name = group.Choose(participantCount);
                    break;
                default:
                    return null;
            }
        }

        return null;
    }
}
