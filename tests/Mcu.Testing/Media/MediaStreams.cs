namespace Mcu.Testing.Media;

/// <summary>A file's video codec and picture size, and its audio codec and format, as ffprobe reads them.</summary>
public sealed record MediaStreams(string VideoCodec, int Width, int Height, string AudioCodec, int SampleRate, int Channels);
