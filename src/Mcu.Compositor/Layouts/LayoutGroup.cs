using System.Collections.Immutable;
using System.Globalization;

namespace Mcu.Compositor.Layouts;

/// <summary>
/// An immutable rule that picks a layout by participant count, e.g. "auto": single for one,
/// grid-2x2 up to four, and so on.
/// </summary>
/// <remarks>
/// Entries are tried in order; the first whose <see cref="LayoutChoice.UpTo"/> is at least the
/// count wins. Every entry but the last must give upTo, and the values must increase. The last
/// entry also serves every count above its upTo (or every count when it omits upTo), so a group
/// always chooses something: participants beyond the chosen layout's slots are heard, not shown.
/// </remarks>
public sealed class LayoutGroup : NamedLayout
{
    /// <summary>Creates a group, checking the entries.</summary>
    /// <exception cref="ArgumentException">No entries, a bad layout name, upTo missing before the last entry, or not increasing.</exception>
    public LayoutGroup(string name, IEnumerable<LayoutChoice> choices, string description = "")
        : base(name, description)
    {
        ArgumentNullException.ThrowIfNull(choices);
        ImmutableArray<LayoutChoice> list = [.. choices];
        if (list.IsEmpty)
        {
            ThrowHelper.ThrowArgument("A group needs at least one entry.", nameof(choices));
        }

        int? previous = null;
        for (int i = 0; i < list.Length; i++)
        {
            LayoutChoice choice = list[i] ?? throw new ArgumentException("An entry is null.", nameof(choices));
            string? error = LayoutRules.CheckName(choice.Layout ?? string.Empty)
                ?? (choice.UpTo is int upTo ? LayoutRules.CheckUpTo(upTo, previous)
                    : i < list.Length - 1 ? "only the last entry may omit \"upTo\"" : null);
            if (error is not null)
            {
                ThrowHelper.ThrowArgument(string.Create(CultureInfo.InvariantCulture, $"Entry {i + 1}: {error}."), nameof(choices));
            }

            previous = choice.UpTo;
        }

        Choices = list;
    }

    /// <summary>The entries in file order.</summary>
    public ImmutableArray<LayoutChoice> Choices { get; }

    /// <summary>The layout or group name this group picks for a room of <paramref name="participantCount"/> (0 counts as 1).</summary>
    public string Choose(int participantCount)
    {
        ImmutableArray<LayoutChoice> choices = Choices;
        for (int i = 0; i < choices.Length - 1; i++)
        {
            if (participantCount <= choices[i].UpTo)
            {
                return choices[i].Layout;
            }
        }

        return choices[^1].Layout;
    }
}
