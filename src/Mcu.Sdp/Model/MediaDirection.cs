namespace Mcu.Sdp;

/// <summary>The RFC 3264 §5.1 direction attributes.</summary>
public enum MediaDirection
{
    /// <summary>a=sendrecv, the default when no direction is given.</summary>
    SendRecv,

    /// <summary>a=sendonly.</summary>
    SendOnly,

    /// <summary>a=recvonly.</summary>
    RecvOnly,

    /// <summary>a=inactive.</summary>
    Inactive,
}

/// <summary>Conversions between <see cref="MediaDirection"/>, SDP names and send/receive flags.</summary>
public static class MediaDirections
{
    /// <summary>The attribute name, e.g. "sendrecv".</summary>
    public static string ToSdpName(this MediaDirection direction) => direction switch
    {
        MediaDirection.SendOnly => "sendonly",
        MediaDirection.RecvOnly => "recvonly",
        MediaDirection.Inactive => "inactive",
        _ => "sendrecv",
    };

    /// <summary>Parses an attribute name; case-sensitive as the names are registered in lower case.</summary>
    public static bool TryParse(string name, out MediaDirection direction)
    {
        switch (name)
        {
            case "sendrecv":
                direction = MediaDirection.SendRecv;
                return true;
            case "sendonly":
                direction = MediaDirection.SendOnly;
                return true;
            case "recvonly":
                direction = MediaDirection.RecvOnly;
                return true;
            case "inactive":
                direction = MediaDirection.Inactive;
                return true;
            default:
                direction = MediaDirection.Inactive;
                return false;
        }
    }

    /// <summary>True when the side that wrote this direction sends media.</summary>
    public static bool Sends(this MediaDirection direction) =>
        direction is MediaDirection.SendRecv or MediaDirection.SendOnly;

    /// <summary>True when the side that wrote this direction receives media.</summary>
    public static bool Receives(this MediaDirection direction) =>
        direction is MediaDirection.SendRecv or MediaDirection.RecvOnly;

    /// <summary>The direction for the given send/receive flags.</summary>
    public static MediaDirection From(bool send, bool receive) => (send, receive) switch
    {
        (true, true) => MediaDirection.SendRecv,
        (true, false) => MediaDirection.SendOnly,
        (false, true) => MediaDirection.RecvOnly,
        _ => MediaDirection.Inactive,
    };

    /// <summary>The same direction seen from the other side (sendonly becomes recvonly).</summary>
    public static MediaDirection Reverse(this MediaDirection direction) => From(direction.Receives(), direction.Sends());
}
