namespace Mcu.Recording.Matroska;

/// <summary>
/// The SeekHead (RFC 9559 section 5.1.1) written at a graceful end into the space reserved at
/// the start: where Info, Tracks and Cues are. Positions are relative to the Segment's data.
/// </summary>
internal static class SeekHead
{
    /// <summary>One Seek with a 4-octet SeekID and an 8-octet SeekPosition.</summary>
    private const int SeekSize = 21;

    /// <summary>Fills exactly <paramref name="destination"/>: the SeekHead, then a Void for what it leaves.</summary>
    public static void Write(Span<byte> destination, ReadOnlySpan<(uint Id, long Position)> entries)
    {
        var w = new EbmlWriter(destination);
        var children = w.BeginMaster(MatroskaIds.SeekHead, 1);
        Span<byte> id = stackalloc byte[4];
        foreach (var (elementId, position) in entries)
        {
            var seek = w.BeginMaster(MatroskaIds.Seek, 1);
            new EbmlWriter(id).WriteId(elementId);
            w.WriteBinary(MatroskaIds.SeekId, id[..EbmlWriter.IdLength(elementId)]);
            w.WriteUnsignedFixed(MatroskaIds.SeekPosition, (ulong)position);
            w.EndMaster(seek, 1);
        }
        w.EndMaster(children, 1);
        var rest = destination.Length - w.Position;
        if (rest > 0)
        {
            w.WriteVoid(rest);
        }
    }

    public static int GetSize(int entries) => 5 + (entries * SeekSize);
}
