namespace Mcu.Compositor.Layouts;

/// <summary>
/// Decides who is shown where: the active speaker fills every speaker slot, the others fill the
/// participant slots in join order (slots taken in file order), and the rest are heard, not shown.
/// Pure and allocation-free.
/// </summary>
/// <remarks>
/// With no active speaker known (nobody has spoken yet, or the speaker left), speaker slots show
/// the first participant to join, so that a speaker layout is never empty while anyone is there.
/// </remarks>
public static class SlotAssignment
{
    /// <summary>Marks a slot with nobody in it.</summary>
    public const int Empty = -1;

    /// <summary>
    /// Writes into <paramref name="slotParticipants"/> (one entry per slot of
    /// <paramref name="layout"/>) the join-order index of the participant each slot shows, or
    /// <see cref="Empty"/>; returns how many participants are shown.
    /// </summary>
    /// <param name="layout">The layout in use.</param>
    /// <param name="participantCount">Participants in the room, indexed 0.. in join order.</param>
    /// <param name="activeSpeaker">Join-order index of the active speaker, or any value outside 0..count-1 for none.</param>
    /// <param name="slotParticipants">Receives one entry per slot.</param>
    /// <exception cref="ArgumentException"><paramref name="slotParticipants"/> is shorter than the slot list.</exception>
    public static int Assign(LayoutDefinition layout, int participantCount, int activeSpeaker, Span<int> slotParticipants)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentOutOfRangeException.ThrowIfNegative(participantCount);
        ReadOnlySpan<LayoutSlot> slots = layout.Slots.AsSpan();
        if (slotParticipants.Length < slots.Length)
        {
            ThrowHelper.ThrowArgument($"The destination has {slotParticipants.Length} entries for {slots.Length} slots.", nameof(slotParticipants));
        }

        int speaker = Empty;
        if (layout.HasSpeakerSlot && participantCount > 0)
        {
            speaker = (uint)activeSpeaker < (uint)participantCount ? activeSpeaker : 0;
        }

        int shown = speaker == Empty ? 0 : 1;
        int next = 0;
        for (int i = 0; i < slots.Length; i++)
        {
            if (slots[i].Role == SlotRole.Speaker)
            {
                slotParticipants[i] = speaker;
                continue;
            }

            if (next == speaker)
            {
                next++;
            }

            if (next < participantCount)
            {
                slotParticipants[i] = next++;
                shown++;
            }
            else
            {
                slotParticipants[i] = Empty;
            }
        }

        return shown;
    }

    /// <summary>
    /// As <see cref="Assign(LayoutDefinition, int, int, Span{int})"/>, with participants given by id
    /// in join order and the active speaker by id (one not in the list means none).
    /// </summary>
    public static int Assign<TId>(LayoutDefinition layout, ReadOnlySpan<TId> joinOrder, TId activeSpeaker, Span<int> slotParticipants)
    {
        int speaker = Empty;
        EqualityComparer<TId> comparer = EqualityComparer<TId>.Default;
        for (int i = 0; i < joinOrder.Length; i++)
        {
            if (comparer.Equals(joinOrder[i], activeSpeaker))
            {
                speaker = i;
                break;
            }
        }

        return Assign(layout, joinOrder.Length, speaker, slotParticipants);
    }
}
