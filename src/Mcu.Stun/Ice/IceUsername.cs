using System.Text;

namespace Mcu.Stun.Ice;

/// <summary>
/// The ICE USERNAME "receiverUfrag:senderUfrag" (RFC 8445 section 7.2.2): splitting it and
/// peeking the receiver's fragment without allocating, for the port demultiplexer.
/// </summary>
public static class IceUsername
{
    /// <summary>Splits at the first colon; false when there is none or either side is empty.</summary>
    public static bool TrySplit(ReadOnlySpan<byte> username, out ReadOnlySpan<byte> receiverUfrag, out ReadOnlySpan<byte> senderUfrag)
    {
        var colon = username.IndexOf((byte)':');
        if (colon <= 0 || colon == username.Length - 1)
        {
            receiverUfrag = senderUfrag = default;
            return false;
        }
        receiverUfrag = username[..colon];
        senderUfrag = username[(colon + 1)..];
        return true;
    }

    /// <summary>
    /// The receiver's (our local) ufrag of a STUN request's USERNAME, as bytes in place; false
    /// when the datagram is not valid STUN or has no well-formed ICE USERNAME.
    /// </summary>
    public static bool TryPeekLocalUfrag(ReadOnlySpan<byte> datagram, out ReadOnlySpan<byte> localUfrag)
    {
        localUfrag = default;
        return StunMessageReader.TryPeekUsername(datagram, out var username) && TrySplit(username, out localUfrag, out _);
    }

    /// <summary>
    /// As <see cref="TryPeekLocalUfrag(ReadOnlySpan{byte}, out ReadOnlySpan{byte})"/>, decoded to
    /// characters for a string-keyed lookup; false also when it is not ice-chars or does not fit.
    /// </summary>
    public static bool TryPeekLocalUfrag(ReadOnlySpan<byte> datagram, Span<char> destination, out int length)
    {
        length = 0;
        if (!TryPeekLocalUfrag(datagram, out var ufrag) || ufrag.Length > destination.Length || !Ascii.IsValid(ufrag))
        {
            return false;
        }
        length = Encoding.ASCII.GetChars(ufrag, destination);
        if (!IceCredentials.IsValidUfrag(destination[..length]))
        {
            length = 0;
            return false;
        }
        return true;
    }
}
