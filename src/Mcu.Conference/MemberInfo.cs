namespace Mcu.Conference;

/// <summary>A member as the API and the browser app see it.</summary>
public sealed record MemberInfo(
    int Id,
    string Name,
    MemberKind Kind,
    bool HasAudio,
    bool HasVideo,
    bool Muted,
    bool Speaking,
    bool Connected);
