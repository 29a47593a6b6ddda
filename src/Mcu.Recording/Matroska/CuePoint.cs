namespace Mcu.Recording.Matroska;

/// <summary>A video keyframe that starts a Cluster: where a player can seek to.</summary>
internal readonly record struct CuePoint(long Timestamp, long ClusterPosition);
