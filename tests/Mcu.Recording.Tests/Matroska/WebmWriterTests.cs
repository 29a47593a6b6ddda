using Mcu.Testing.Media;
using Mcu.Testing;
using Mcu.Media.Native;
using Mcu.Recording.Matroska;
using Mcu.Recording.Tests.Support;

namespace Mcu.Recording.Tests.Matroska;

public sealed class WebmWriterTests : IDisposable
{
    private const int Width = 96;
    private const int Height = 64;
    private static readonly Vp8TestFrames Frames = Vp8TestFrames.Encode(Width, Height);
    private readonly TestDirectory _directory = new();
    private readonly OpusEncoder _opus = new(new OpusEncoderSettings { BitrateBps = 64_000, Complexity = 5, InbandFec = false, PacketLossPercent = 0 });
    private readonly byte[] _packet = new byte[OpusEncoder.MaxPacketSize];
    private readonly short[] _pcm = new short[960];

    public void Dispose()
    {
        _opus.Dispose();
        _directory.Dispose();
    }

    [Fact]
    public void A_finished_file_is_webm_with_vp8_and_opus_its_duration_and_cues_as_ffprobe_reads_them()
    {
        var path = Path.Combine(_directory.Path, "finished.webm");
        using (var file = File.Create(path))
        {
            var writer = NewWriter(file);
            WriteMedia(writer, TimeSpan.FromSeconds(3), keyframeEvery: 1000);
            writer.Finish();
        }

        using var probe = Ffmpeg.Probe(path);
        var format = probe.RootElement.GetProperty("format");
        Assert.Contains("webm", format.GetProperty("format_name").GetString(), StringComparison.Ordinal);
        Assert.Equal("room-a", format.GetProperty("tags").GetProperty("title").GetString());
        Assert.InRange(double.Parse(format.GetProperty("duration").GetString()!, System.Globalization.CultureInfo.InvariantCulture), 2.95, 3.05);
        Assert.Equal(new MediaStreams("vp8", Width, Height, "opus", 48_000, 1), Ffmpeg.Streams(path));
        Assert.Equal("", Ffmpeg.DecodeErrors(path));

        // The graceful end: a known Segment size, a SeekHead that points at Info, Tracks and Cues, one CuePoint per keyframe.
        var bytes = File.ReadAllBytes(path);
        var top = EbmlWalker.Children(bytes, 0, bytes.Length);
        Assert.Equal([MatroskaIds.Ebml, MatroskaIds.Segment], top.Select(e => e.Id));
        var segment = top[1];
        Assert.False(segment.HasUnknownSize);
        var children = EbmlWalker.Children(bytes, segment.DataOffset, segment.End(bytes.Length));
        Assert.Equal(MatroskaIds.SeekHead, children[0].Id);
        Assert.Equal(MatroskaIds.Cues, children[^1].Id);
        foreach (var seek in EbmlWalker.Children(bytes, children[0].DataOffset, children[0].End(bytes.Length)))
        {
            var fields = EbmlWalker.Children(bytes, seek.DataOffset, seek.End(bytes.Length));
            var target = (uint)EbmlWalker.ReadUnsigned(bytes, fields[0]);
            var position = segment.DataOffset + (long)EbmlWalker.ReadUnsigned(bytes, fields[1]);
            Assert.Contains(children, c => c.Id == target && c.Offset == position);
        }
        var cuePoints = EbmlWalker.Children(bytes, children[^1].DataOffset, children[^1].End(bytes.Length));
        Assert.Equal(3, cuePoints.Count);
    }

    [Fact]
    public void Clusters_close_at_every_keyframe_and_after_a_second()
    {
        using var stream = new MemoryStream();
        var writer = NewWriter(stream);
        WriteMedia(writer, TimeSpan.FromSeconds(2.9), keyframeEvery: 1500);
        writer.Finish();

        var bytes = stream.ToArray();
        var segment = EbmlWalker.Children(bytes, 0, bytes.Length)[1];
        var clusterTimes = new List<ulong>();
        foreach (var child in EbmlWalker.Children(bytes, segment.DataOffset, segment.End(bytes.Length)))
        {
            if (child.Id == MatroskaIds.Cluster)
            {
                var timestamp = EbmlWalker.Children(bytes, child.DataOffset, child.End(bytes.Length))[0];
                clusterTimes.Add(EbmlWalker.ReadUnsigned(bytes, timestamp));
            }
        }
        // Keyframes at 0 and 1500 ms; at most a second apart otherwise.
        Assert.Equal([0UL, 1000UL, 1500UL, 2500UL], clusterTimes);
    }

    [Fact]
    public void An_unfinished_file_plays_up_to_its_last_flushed_cluster()
    {
        var path = Path.Combine(_directory.Path, "crashed.webm");
        var file = RecordingFiles.Open(path);
        var writer = NewWriter(file);
        WriteMedia(writer, TimeSpan.FromSeconds(2.5), keyframeEvery: 1000);
        // No Finish and no Dispose: what is on disk is what a killed process leaves.
        var copy = Path.Combine(_directory.Path, "copy.webm");
        File.Copy(path, copy);
        file.Dispose();

        Assert.Equal(writer.BytesWritten, new FileInfo(copy).Length);
        Assert.Equal("", Ffmpeg.DecodeErrors(copy));
        Assert.InRange(Ffmpeg.PlayableSeconds(copy), 1.9, 2.1); // the clusters at 0 s and 1 s; the one from 2 s was still open
        var bytes = File.ReadAllBytes(copy);
        Assert.True(EbmlWalker.Children(bytes, 0, bytes.Length)[1].HasUnknownSize);
    }

    [Fact]
    public void Frames_whose_time_goes_backwards_or_below_zero_are_refused_and_counted()
    {
        using var stream = new MemoryStream();
        var writer = NewWriter(stream);
        Assert.True(writer.WriteVideo(0, true, Frames.DarkKeyframe));
        Assert.True(writer.WriteVideo(33, false, Frames.DarkDelta));
        Assert.False(writer.WriteVideo(20, false, Frames.DarkDelta));
        Assert.False(writer.WriteAudio(-20, _packet.AsSpan(0, 3), 20));
        Assert.True(writer.WriteAudio(0, _packet.AsSpan(0, 3), 20));
        Assert.False(writer.WriteAudio(-1, _packet.AsSpan(0, 3), 20));
        Assert.Equal(3, writer.FramesRejected);
        Assert.Equal(66, writer.DurationMilliseconds); // the video frame at 33 ms is taken to last as long as the one before it
    }

    private static WebmWriter NewWriter(Stream stream) =>
        new(stream, new WebmSettings { Width = Width, Height = Height, Title = "room-a", StartedAt = DateTimeOffset.UtcNow });

    // 30 fps video (a keyframe every keyframeEvery ms) and 20 ms Opus packets of a quiet tone, in time order.
    private void WriteMedia(WebmWriter writer, TimeSpan length, int keyframeEvery)
    {
        var end = (long)length.TotalMilliseconds;
        long nextVideo = 0, nextAudio = 0, lastKeyframe = -keyframeEvery, frame = 0, audioFrame = 0;
        while (nextVideo < end || nextAudio < end)
        {
            if (nextVideo <= nextAudio && nextVideo < end)
            {
                var key = nextVideo - lastKeyframe >= keyframeEvery;
                lastKeyframe = key ? nextVideo : lastKeyframe;
                Assert.True(writer.WriteVideo(nextVideo, key, key ? Frames.DarkKeyframe : Frames.DarkDelta));
                nextVideo = ++frame * 100 / 3;
            }
            else
            {
                for (var i = 0; i < _pcm.Length; i++)
                {
                    _pcm[i] = (short)(3000 * Math.Sin(2 * Math.PI * 440 * ((audioFrame * 960) + i) / 48_000));
                }
                var written = _opus.Encode(_pcm, _packet);
                Assert.True(writer.WriteAudio(nextAudio, _packet.AsSpan(0, written), 20));
                nextAudio = ++audioFrame * 20;
            }
        }
    }
}
