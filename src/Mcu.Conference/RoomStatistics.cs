namespace Mcu.Conference;

/// <summary>What a room has done, for the API, metrics and tests.</summary>
public sealed record RoomStatistics(
    int Members,
    long CompositeFramesEncoded,
    long KeyframesEncoded,
    int VideoBitrateBps,
    long AudioTicks,
    long AudioTicksMissed,
    long VideoTicksMissed,
    long FramesDecoded,
    long FramesDroppedBeforeDecode,
    long FramesFailedToDecode,
    long TickErrors);
