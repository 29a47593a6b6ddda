namespace Mcu.Rtp;

/// <summary>
/// Negotiated extension ids of one m-line (filled from SDP a=extmap by the caller). Browsers choose ids
/// freely and may reuse one id for different extensions in different m-lines, so keep one map per m-line.
/// </summary>
public sealed class RtpHeaderExtensionMap
{
    private const int KindCount = (int)RtpExtensionKind.TransportSequenceNumber + 1;

    private readonly RtpExtensionKind[] _kindById = new RtpExtensionKind[256];
    private readonly byte[] _idByKind = new byte[KindCount];

    /// <summary>Maps an extmap id (1-255) to a URI; false for an invalid id, an unknown URI, or a conflict.</summary>
    public bool TryRegister(int id, ReadOnlySpan<char> uri) => TryRegister(id, RtpExtensionUris.GetKind(uri));

    /// <summary>Maps an extmap id (1-255) to a kind; false for an invalid id or when either side is already mapped elsewhere.</summary>
    public bool TryRegister(int id, RtpExtensionKind kind)
    {
        if (id is < 1 or > 255 || kind == RtpExtensionKind.Unknown || (int)kind >= KindCount)
        {
            return false;
        }
        var existingKind = _kindById[id];
        var existingId = _idByKind[(int)kind];
        if ((existingKind != RtpExtensionKind.Unknown && existingKind != kind) || (existingId != 0 && existingId != id))
        {
            return false;
        }
        _kindById[id] = kind;
        _idByKind[(int)kind] = (byte)id;
        return true;
    }

    public RtpExtensionKind GetKind(int id) => (uint)id < 256 ? _kindById[id] : RtpExtensionKind.Unknown;

    /// <summary>The negotiated id of a kind; false when it was not negotiated.</summary>
    public bool TryGetId(RtpExtensionKind kind, out int id)
    {
        id = (uint)kind < KindCount ? _idByKind[(int)kind] : 0;
        return id != 0;
    }

    /// <summary>Finds the value of a negotiated kind in a packet's extension block.</summary>
    public bool TryFind(RtpHeaderExtensions extensions, RtpExtensionKind kind, out ReadOnlySpan<byte> value)
    {
        if (TryGetId(kind, out var id))
        {
            return extensions.TryFind(id, out value);
        }
        value = default;
        return false;
    }

    public void Clear()
    {
        Array.Clear(_kindById);
        Array.Clear(_idByKind);
    }
}
