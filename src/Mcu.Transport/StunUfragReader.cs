using Mcu.Stun.Ice;

namespace Mcu.Transport;

/// <summary>Finds the local ufrag in a STUN request's USERNAME ("local:remote"), without allocating.</summary>
public sealed class StunUfragReader : IStunUsernameReader
{
    public static StunUfragReader Instance { get; } = new();

    public bool TryGetLocalUfrag(ReadOnlySpan<byte> datagram, Span<char> destination, out int length) =>
        IceUsername.TryPeekLocalUfrag(datagram, destination, out length);
}
