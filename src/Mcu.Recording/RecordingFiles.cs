using System.Globalization;

namespace Mcu.Recording;

/// <summary>Names recording files {room}-{UTC yyyyMMdd-HHmmss}.webm and creates them without ever replacing one.</summary>
internal static class RecordingFiles
{
    private const int MaxAttempts = 1000;

    public static string Stem(string room, DateTimeOffset startedAt) =>
        room + "-" + startedAt.UtcDateTime.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);

    /// <summary>
    /// Creates the file with the first free name (the stem, then -2, -3...). <paramref name="create"/>
    /// must fail with an <see cref="IOException"/> when the path exists (FileMode.CreateNew).
    /// </summary>
    public static Stream CreateNew(string directory, string stem, Func<string, Stream> create, out string path)
    {
        for (var n = 1; n <= MaxAttempts; n++)
        {
            path = Path.GetFullPath(Path.Combine(directory, n == 1 ? stem + ".webm" : $"{stem}-{n}.webm"));
            try
            {
                return create(path);
            }
            catch (IOException) when (File.Exists(path))
            {
                // Taken (by an earlier recording in the same second, or anybody else): try the next name.
            }
        }
        throw new IOException($"Every name from {stem}.webm to {stem}-{MaxAttempts}.webm is taken in {directory}.");
    }

    /// <summary>Opens a new file for a recording: never an existing one, readable by others while it grows, unbuffered (clusters are written whole).</summary>
    public static Stream Open(string path) =>
        new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.Read, bufferSize: 0);
}
