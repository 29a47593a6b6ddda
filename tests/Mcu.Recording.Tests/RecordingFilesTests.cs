using Mcu.Testing.Media;
using Mcu.Testing;
using Mcu.Recording.Tests.Support;

namespace Mcu.Recording.Tests;

public sealed class RecordingFilesTests : IDisposable
{
    private readonly TestDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void Files_are_named_after_the_room_and_the_UTC_start()
    {
        var startedAt = new DateTimeOffset(2025, 3, 4, 7, 6, 7, TimeSpan.FromHours(2));
        Assert.Equal("lobby-20250304-050607", RecordingFiles.Stem("lobby", startedAt));
    }

    [Fact]
    public void A_taken_name_is_never_overwritten_the_next_free_suffix_is_used()
    {
        var stem = "lobby-20250304-050607";
        File.WriteAllText(Path.Combine(_directory.Path, stem + ".webm"), "somebody's file");
        File.WriteAllText(Path.Combine(_directory.Path, stem + "-2.webm"), "another");

        using (var stream = RecordingFiles.CreateNew(_directory.Path, stem, RecordingFiles.Open, out var path))
        {
            Assert.Equal(Path.Combine(_directory.Path, stem + "-3.webm"), path);
        }
        using (RecordingFiles.CreateNew(_directory.Path, stem, RecordingFiles.Open, out var next))
        {
            Assert.Equal(Path.Combine(_directory.Path, stem + "-4.webm"), next);
        }
        Assert.Equal("somebody's file", File.ReadAllText(Path.Combine(_directory.Path, stem + ".webm")));
        Assert.Equal("another", File.ReadAllText(Path.Combine(_directory.Path, stem + "-2.webm")));
    }

    [Fact]
    public void Other_errors_than_a_taken_name_are_not_retried()
    {
        var notADirectory = Path.Combine(_directory.Path, "file");
        File.WriteAllText(notADirectory, "");
        Assert.ThrowsAny<IOException>(() => RecordingFiles.CreateNew(Path.Combine(notADirectory, "sub"), "room", RecordingFiles.Open, out _));
    }
}
