using System.Collections.Immutable;
using System.Globalization;

namespace Mcu.Compositor.Layouts;

/// <summary>An immutable concrete layout: a background colour and the slots tiles are drawn into.</summary>
/// <remarks>
/// Instances are shared across threads and compared by reference: the compositor redraws the
/// whole canvas when it is handed a different instance.
/// </remarks>
public sealed class LayoutDefinition : NamedLayout
{
    /// <summary>The background when a file names none.</summary>
    public static readonly LayoutColor DefaultBackground = new(0, 0, 0);

    /// <summary>Creates a layout, checking every slot.</summary>
    /// <exception cref="ArgumentException">The name is invalid, there are no slots, or a slot breaks a rule.</exception>
    public LayoutDefinition(string name, IEnumerable<LayoutSlot> slots, LayoutColor background, string description = "")
        : base(name, description)
    {
        ArgumentNullException.ThrowIfNull(slots);
        ImmutableArray<LayoutSlot> list = [.. slots];
        if (list.IsEmpty)
        {
            ThrowHelper.ThrowArgument("A layout needs at least one slot.", nameof(slots));
        }

        int speakerSlots = 0;
        for (int i = 0; i < list.Length; i++)
        {
            LayoutSlot slot = list[i] ?? throw new ArgumentException("A slot is null.", nameof(slots));
            if (slot.Validate() is string error)
            {
                ThrowHelper.ThrowArgument(string.Create(CultureInfo.InvariantCulture, $"Slot {i + 1}: {error}."), nameof(slots));
            }

            if (slot.Role == SlotRole.Speaker)
            {
                speakerSlots++;
            }
        }

        Slots = list;
        Background = background;
        ParticipantSlotCount = list.Length - speakerSlots;
        HasSpeakerSlot = speakerSlots > 0;
    }

    /// <summary>The slots in file order (the order participant slots are filled).</summary>
    public ImmutableArray<LayoutSlot> Slots { get; }

    /// <summary>Fills the canvas behind the slots, the letterbox bars and the rounded-off corners.</summary>
    public LayoutColor Background { get; }

    /// <summary>Slots with <see cref="SlotRole.Participant"/>.</summary>
    public int ParticipantSlotCount { get; }

    /// <summary>Whether any slot shows the active speaker.</summary>
    public bool HasSpeakerSlot { get; }

    /// <summary>How many different participants the layout can show.</summary>
    public int Capacity => ParticipantSlotCount + (HasSpeakerSlot ? 1 : 0);
}
