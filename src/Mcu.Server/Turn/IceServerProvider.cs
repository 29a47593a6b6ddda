using Microsoft.Extensions.Options;

namespace Mcu.Server.Turn;

/// <summary>
/// The ICE servers clients should use: the fixed IceServers list, plus the Turn URIs with fresh
/// time-limited credentials on every call when a shared secret is configured. Thread-safe.
/// </summary>
public sealed class IceServerProvider
{
    private readonly TurnOptions _turn;
    private readonly IceServer[] _fixed;
    private readonly TimeProvider _time;

    public IceServerProvider(IOptions<TurnOptions> turn, IOptions<List<IceServerOptions>> servers, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(servers);
        _turn = turn.Value;
        _time = time;
        if (_turn.CredentialLifetime <= TimeSpan.Zero)
        {
            throw new InvalidOperationException("Turn:CredentialLifetime must be positive.");
        }
        var list = new List<IceServer>();
        foreach (var server in servers.Value)
        {
            if (server.Urls.Count == 0)
            {
                throw new InvalidOperationException("Every IceServers entry needs at least one URL in Urls.");
            }
            list.Add(new IceServer([.. server.Urls], NullIfEmpty(server.Username), NullIfEmpty(server.Credential)));
        }
        _fixed = [.. list];
    }

    /// <summary>Nothing is configured: clients get no ICE servers.</summary>
    public bool IsEmpty => _fixed.Length == 0 && _turn.Uris.Count == 0;

    /// <summary>The servers for one client; <paramref name="user"/> goes into minted TURN usernames (for the TURN server's logs).</summary>
    public IReadOnlyList<IceServer> GetServers(string user)
    {
        if (_turn.Uris.Count == 0)
        {
            return _fixed;
        }
        IceServer turn;
        if (string.IsNullOrEmpty(_turn.SharedSecret))
        {
            turn = new IceServer([.. _turn.Uris]);
        }
        else
        {
            var (username, credential) = TurnRestCredentials.Create(_turn.SharedSecret, user, _time.GetUtcNow() + _turn.CredentialLifetime);
            turn = new IceServer([.. _turn.Uris], username, credential);
        }
        return [.. _fixed, turn];
    }

    private static string? NullIfEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;
}
