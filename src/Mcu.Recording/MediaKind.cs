namespace Mcu.Recording;

/// <summary>Which track a queued frame belongs to.</summary>
internal enum MediaKind
{
    Video,
    Audio,
}
