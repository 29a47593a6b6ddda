namespace Mcu.Transport;

/// <summary>
/// Reads the local ufrag (the part of USERNAME before the colon) of a STUN request without
/// allocating, so the port can find the session a new peer is checking.
/// </summary>
public interface IStunUsernameReader
{
    bool TryGetLocalUfrag(ReadOnlySpan<byte> datagram, Span<char> destination, out int length);
}
