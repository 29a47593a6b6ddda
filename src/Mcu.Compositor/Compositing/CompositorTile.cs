using Mcu.Media.Video;

namespace Mcu.Compositor;

/// <summary>
/// What one slot shows in a <see cref="VideoCompositor.Compose"/> call. The default value is an empty
/// slot (not drawn: the background or a lower slot shows through).
/// </summary>
/// <param name="ParticipantId">Who is in the slot; null for nobody.</param>
/// <param name="DisplayName">The name for the label and the placeholder; null or empty for none.</param>
/// <param name="Frame">The participant's latest picture, or null to show the placeholder. It must stay valid during the call.</param>
/// <param name="FrameChanged">Whether <paramref name="Frame"/> holds a different picture than at the previous call; when false an unchanged tile is not redrawn.</param>
public readonly record struct CompositorTile(string? ParticipantId, string? DisplayName, IPicture? Frame, bool FrameChanged)
{
    /// <summary>True for a slot with nobody in it.</summary>
    public bool IsEmpty => ParticipantId is null;
}
