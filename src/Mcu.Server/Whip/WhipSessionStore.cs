using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using Mcu.Conference;

namespace Mcu.Server.Whip;

/// <summary>
/// Session URLs by their unguessable token (128 random bits, so the URL itself is the
/// capability to PATCH or DELETE). Entries whose member has left are dropped as new ones
/// arrive. Thread-safe.
/// </summary>
internal sealed class WhipSessionStore(RoomRegistry registry)
{
    private readonly ConcurrentDictionary<string, WhipSession> _sessions = new(StringComparer.Ordinal);

    public int Count => _sessions.Count;

    public WhipSession Add(WhipProtocol protocol, Room room, int memberId, string? remoteUfrag, string? remotePwd)
    {
        Prune();
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var session = new WhipSession(token, protocol, room, memberId, remoteUfrag, remotePwd);
        _sessions[token] = session;
        return session;
    }

    /// <summary>The session for a URL: its token, protocol and room must all match.</summary>
    public bool TryGet(string token, WhipProtocol protocol, string room, [NotNullWhen(true)] out WhipSession? session)
    {
        if (_sessions.TryGetValue(token, out session) && session.Protocol == protocol && session.Room.Name == room)
        {
            return true;
        }
        session = null;
        return false;
    }

    public bool Remove(WhipSession session) => _sessions.TryRemove(KeyValuePair.Create(session.Token, session));

    // Members also leave without a DELETE (consent expiry, a kick from the API, a closed room).
    private void Prune()
    {
        foreach (var (_, session) in _sessions)
        {
            if (registry.Find(session.Room.Name) != session.Room || !session.MemberPresent())
            {
                Remove(session);
            }
        }
    }
}
