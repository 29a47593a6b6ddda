namespace Mcu.Compositor.Layouts;

/// <summary>Who a slot shows.</summary>
public enum SlotRole
{
    /// <summary>The next participant in join order who is not shown elsewhere.</summary>
    Participant = 0,

    /// <summary>The active speaker.</summary>
    Speaker = 1,
}
