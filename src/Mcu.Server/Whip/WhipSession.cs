using Mcu.Conference;

namespace Mcu.Server.Whip;

/// <summary>
/// What a WHIP/WHEP session URL stands for: a member of a room, with the client's ICE
/// credentials from its offer (a PATCH with others is an ICE restart) and the entity-tag.
/// </summary>
internal sealed record WhipSession(
    string Token,
    WhipProtocol Protocol,
    Room Room,
    int MemberId,
    string? RemoteIceUfrag,
    string? RemoteIcePwd)
{
    /// <summary>A strong entity-tag for the one ICE session this resource ever has (RFC 9110 8.8.3).</summary>
    public string ETag { get; } = $"\"{Token[..16]}\"";

    /// <summary>The session URL's path, as sent in Location.</summary>
    public string Path => $"/{(Protocol == WhipProtocol.Whip ? "whip" : "whep")}/{Uri.EscapeDataString(Room.Name)}/{Token}";

    public bool MemberPresent()
    {
        foreach (var member in Room.Members)
        {
            if (member.Id == MemberId)
            {
                return true;
            }
        }
        return false;
    }
}
