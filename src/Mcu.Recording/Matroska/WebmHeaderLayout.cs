namespace Mcu.Recording.Matroska;

/// <summary>File offsets of what a graceful end patches in the header the writer wrote first.</summary>
internal readonly record struct WebmHeaderLayout(
    long SegmentSizeOffset,
    long SegmentDataStart,
    long SeekHeadOffset,
    long InfoOffset,
    long DurationOffset,
    long TracksOffset);
