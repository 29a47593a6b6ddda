namespace Mcu.Server.Auth;

/// <summary>The claims of a verified join token: the room it admits to ("*" for any) and its validity.</summary>
public sealed record JoinToken(string Room, DateTimeOffset Expires, DateTimeOffset? NotBefore, string? Subject)
{
    /// <summary>The room claim that admits to every room.</summary>
    public const string AnyRoom = "*";

    public bool Admits(string room) => Room == AnyRoom || string.Equals(Room, room, StringComparison.Ordinal);
}
