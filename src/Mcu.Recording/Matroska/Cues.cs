namespace Mcu.Recording.Matroska;

/// <summary>The Cues (RFC 9559 section 5.1.5) appended at a graceful end: one CuePoint per keyframe Cluster of the video track.</summary>
internal static class Cues
{
    /// <summary>CueTime and CueClusterPosition take at most 8 octets each: 2 + 10 + 2 + 3 + 10.</summary>
    private const int MaxCuePointSize = 27;

    public static int MaxSize(int count) => 8 + (count * MaxCuePointSize);

    public static int Write(Span<byte> destination, ReadOnlySpan<CuePoint> points, int track)
    {
        var w = new EbmlWriter(destination);
        var cues = w.BeginMaster(MatroskaIds.Cues, 4);
        foreach (var point in points)
        {
            var cuePoint = w.BeginMaster(MatroskaIds.CuePoint, 1);
            w.WriteUnsigned(MatroskaIds.CueTime, (ulong)point.Timestamp);
            var positions = w.BeginMaster(MatroskaIds.CueTrackPositions, 1);
            w.WriteUnsigned(MatroskaIds.CueTrack, (ulong)track);
            w.WriteUnsigned(MatroskaIds.CueClusterPosition, (ulong)point.ClusterPosition);
            w.EndMaster(positions, 1);
            w.EndMaster(cuePoint, 1);
        }
        w.EndMaster(cues, 4);
        return w.Position;
    }
}
