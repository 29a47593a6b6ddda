namespace Mcu.Compositor.Layouts;

/// <summary>How a picture of another aspect ratio fills its slot.</summary>
public enum SlotFit
{
    /// <summary>Crop the picture's centre to the slot's aspect, filling the whole slot.</summary>
    Cover = 0,

    /// <summary>Show the whole picture, letterboxed with the layout's background colour.</summary>
    Contain = 1,
}
