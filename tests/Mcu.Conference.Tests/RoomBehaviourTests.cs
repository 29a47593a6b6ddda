using Mcu.Client;
using Mcu.Compositor;
using Mcu.Compositor.Layouts;
using Mcu.Media.Video;
using Mcu.Rtp;
using Mcu.Rtp.Rtcp;
using Mcu.Sdp;

using static Mcu.Conference.Tests.RoomTestSupport;

namespace Mcu.Conference.Tests;

/// <summary>What a room does when layouts change, people speak, receivers struggle and senders misbehave.</summary>
public sealed class RoomBehaviourTests : IDisposable
{
    private static readonly YuvColor Red = YuvColor.FromRgb(220, 40, 40);
    private static readonly YuvColor Green = YuvColor.FromRgb(40, 200, 60);
    private static readonly YuvColor White = YuvColor.FromRgb(255, 255, 255);
    private readonly LoopbackMediaEndpoint _media = new();
    private readonly DirectoryInfo _layoutsDir = Directory.CreateTempSubdirectory("mcu-layouts-");
    private readonly LayoutCatalog _layouts;
    private readonly Room _room;

    public RoomBehaviourTests()
    {
        foreach (var file in Directory.GetFiles(RepositoryLayouts.Directory, "*.json"))
        {
            File.Copy(file, Path.Combine(_layoutsDir.FullName, Path.GetFileName(file)));
        }
        WriteLayout("""{ "background": "#ffffff", "slots": [ { "x": 0, "y": 0, "width": 0.5, "height": 1, "label": false } ] }""");
        _layouts = new LayoutCatalog(_layoutsDir.FullName);
        _room = new Room("behaviour", new RoomOptions(), _media, _layouts);
    }

    public void Dispose()
    {
        _room.Dispose();
        _layouts.Dispose();
        _media.Dispose();
        _layoutsDir.Delete(recursive: true);
    }

    [Fact]
    public async Task A_layout_file_changed_on_disk_changes_the_composite_within_2_s_and_a_broken_one_changes_nothing()
    {
        Assert.True(_room.SetLayout("half"));
        await using var bot = await Join(new MediaBotOptions { SolidColor = Red, SendAudio = false });
        await Eventually(() => Near(bot.SampleReceivedVideo(0.25, 0.5), Red) && Near(bot.SampleReceivedVideo(0.75, 0.5), White),
            "the participant on the left half, the background on the right");

        WriteLayout("""{ "background": "#ffffff", "slots": [ { "x": 0.5, "y": 0, "width": 0.5, "height": 1, "label": false } ] }""");
        var changed = DateTime.UtcNow;
        await Eventually(() => Near(bot.SampleReceivedVideo(0.75, 0.5), Red) && Near(bot.SampleReceivedVideo(0.25, 0.5), White),
            "the participant moved to the right half");
        Assert.True(DateTime.UtcNow - changed < TimeSpan.FromSeconds(2.5), $"took {(DateTime.UtcNow - changed).TotalSeconds:0.0} s");

        WriteLayout("""{ "background": "#ffffff", "slots": [ { "x": 0, "y": 0, "widht": 0.5, "height": 1 } ] }""");
        await Eventually(() => _layouts.Errors.Any(e => e.File.Contains("half.json", StringComparison.Ordinal)), "the broken file is reported");
        var error = _layouts.Errors.Single(e => e.File.Contains("half.json", StringComparison.Ordinal));
        Assert.Contains("widht", error.Message, StringComparison.Ordinal);
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.True(Near(bot.SampleReceivedVideo(0.75, 0.5), Red), "the previous version stays in effect");
    }

    [Fact]
    public async Task The_active_speaker_takes_the_speaker_slot()
    {
        Assert.True(_room.SetLayout("speaker"));
        await using var quiet = await Join(new MediaBotOptions { SolidColor = Green, SendAudio = false });
        await using var talker = await Join(new MediaBotOptions { SolidColor = Red, ToneHertz = 500 });
        var layout = _layouts.Resolve("speaker", 2)!;
        var (bigX, bigY) = Centre(layout, 0);
        var (stripX, stripY) = Centre(layout, 1);
        await Eventually(() => Near(quiet.SampleReceivedVideo(bigX, bigY), Red) && Near(quiet.SampleReceivedVideo(stripX, stripY), Green),
            "the talker large, the quiet one in the filmstrip");
        Assert.Equal(_room.Members.Single(m => m.HasAudio).Id, _room.ActiveSpeakerId);
        Assert.True(_room.Members.Single(m => m.HasAudio).Speaking);
    }

    [Fact]
    public async Task A_receivers_bandwidth_estimate_lowers_the_composite_bitrate_to_the_floor()
    {
        await using var bot = await Join(new MediaBotOptions { SolidColor = Red, SendAudio = false });
        await Eventually(() => bot.VideoFramesDecoded > 5, "the composite arrives");
        Assert.Equal(1_500_000, _room.Statistics.VideoBitrateBps);
        var video = bot.Negotiated.Media.Single(m => m.Kind == MediaKind.Video);
        await bot.Connection.InvokeAsync((session, _) =>
        {
            var buffer = new byte[128];
            Assert.True(ReceiverEstimatedMaxBitrate.TryWrite(buffer, video.LocalTrack!.Ssrc, 200_000, [video.RemoteSources[0].Ssrc], out var written));
            return session.SendRtcp(buffer, written);
        });
        await Eventually(() => _room.Statistics.VideoBitrateBps == _room.Options.MinVideoBitrateBps, "the encoder follows the estimate down to the floor");
    }

    [Fact]
    public async Task A_hostile_video_sender_spoils_only_its_own_tile()
    {
        await using var honest = await Join(new MediaBotOptions { SolidColor = Red, SendAudio = false });
        await using var hostile = await Join(new MediaBotOptions { SolidColor = Green, SendAudio = false, StartPaused = true });
        await Eventually(() => honest.VideoFramesDecoded > 5, "the composite arrives");
        var video = hostile.Negotiated.Media.Single(m => m.Kind == MediaKind.Video);
        // A negotiated video sender that sends garbage VP8 "frames" on its own SSRC and payload type.
        var random = new Random(3);
        for (var i = 0; i < 60; i++)
        {
            var payload = new byte[200];
            random.NextBytes(payload);
            // A VP8 payload descriptor starting a partition, then a keyframe header whose first
            // partition claims 512 KiB: it passes depacketization and must fail in the decoder.
            payload[0] = 0x10;
            payload[1] = 0xF0;
            payload[2] = 0xFF;
            payload[3] = 0xFF;
            payload[4] = 0x9D;
            payload[5] = 0x01;
            payload[6] = 0x2A;
            payload[7] = 0x40;
            payload[8] = 0x01;
            payload[9] = 0xB4;
            payload[10] = 0x00;
            var packet = new byte[1500];
            Assert.True(RtpPacketWriter.TryCreate(packet, new RtpHeader((byte)video.Codec!.PayloadType, (ushort)(30_000 + i), (uint)(i * 3000), video.LocalTrack!.Ssrc, Marker: true), out var writer));
            Assert.True(writer.TryWritePayload(payload, out var length));
            await hostile.Connection.InvokeAsync((session, _) => session.SendRtp(packet, length));
            await Task.Delay(15);
        }
        var layout = _room.ResolveLayout(2);
        var (x, y) = Centre(layout, 0);
        var encodedBefore = _room.Statistics.CompositeFramesEncoded;
        await Eventually(() => _room.Statistics.CompositeFramesEncoded > encodedBefore + 10, "the composite keeps flowing");
        Assert.True(Near(honest.SampleReceivedVideo(x, y), Red), "the honest participant's tile is intact");
        Assert.True(_room.Statistics.FramesFailedToDecode > 0, $"the decoder refused the garbage: {_room.Statistics}");
        Assert.Equal(2, _room.Members.Count(m => m.Connected));
    }

    [Fact]
    public async Task A_stalled_sender_keeps_its_last_picture_and_the_room_goes_on()
    {
        await using var first = await Join(new MediaBotOptions { SolidColor = Red, SendAudio = false });
        await using var staller = await Join(new MediaBotOptions { SolidColor = Green, SendAudio = false });
        var layout = _room.ResolveLayout(2);
        var (x1, y1) = Centre(layout, 1);
        await Eventually(() => Near(first.SampleReceivedVideo(x1, y1), Green), "the second participant's picture");
        staller.SendingPaused = true;
        var encoded = _room.Statistics.CompositeFramesEncoded;
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        Assert.True(_room.Statistics.CompositeFramesEncoded > encoded + 20, "the room clock did not wait for the stalled sender");
        Assert.True(Near(first.SampleReceivedVideo(x1, y1), Green), "the stalled tile keeps its last picture");
        staller.SendingPaused = false;
    }

    [Fact]
    public async Task Audio_and_video_carry_sender_reports_that_line_them_up_for_lip_sync()
    {
        await using var source = await Join(new MediaBotOptions { SolidColor = Red, ToneHertz = 500 });
        await using var viewer = await Join(new MediaBotOptions { SendVideo = false, ToneHertz = 700 });
        await Eventually(() => viewer.TryGetCaptureToArrival(MediaKind.Audio, out _) && viewer.TryGetCaptureToArrival(MediaKind.Video, out _),
            "sender reports for both streams");
        Assert.True(viewer.TryGetCaptureToArrival(MediaKind.Audio, out var audio));
        Assert.True(viewer.TryGetCaptureToArrival(MediaKind.Video, out var video));
        // Both streams are timed by one room clock: what is captured together is presented together.
        var skew = (audio - video).Duration();
        Assert.True(skew < TimeSpan.FromMilliseconds(60), $"audio {audio.TotalMilliseconds:0} ms, video {video.TotalMilliseconds:0} ms after capture");
    }

    [Fact]
    public async Task Lost_composite_packets_are_recovered_by_nack_and_rtx()
    {
        await using var sender = await Join(new MediaBotOptions { SolidColor = Red, SendAudio = false });
        await using var lossy = await MediaBot.StartAsync(
            new MediaBotOptions { SendVideo = false, SendAudio = false, SimulatedVideoLoss = 0.05 },
            async (offer, _) => (await _room.JoinAsync(offer, "lossy", MemberKind.Viewer)).Answer);
        await Eventually(() => lossy.PacketsDroppedOnPurpose >= 10 && lossy.VideoFramesDecoded > 60, "a few seconds of lossy reception");
        // A solid picture is about one packet a frame, so 5% loss is a loss every second or so.
        Assert.True(lossy.RetransmissionsReceived >= lossy.PacketsDroppedOnPurpose * 8 / 10,
            $"{lossy.RetransmissionsReceived} retransmissions for {lossy.PacketsDroppedOnPurpose} packets lost");
        Assert.True(Near(lossy.SampleReceivedVideo(0.5, 0.5), Red), "the picture is whole");
    }

    [Fact]
    public async Task A_participant_without_video_gets_a_placeholder_tile()
    {
        await using var camera = await Join(new MediaBotOptions { SolidColor = Red, SendAudio = false });
        await using var voiceOnly = await Join(new MediaBotOptions { SendVideo = false });
        var layout = _room.ResolveLayout(2);
        var (x, y) = Centre(layout, 1);
        await Eventually(() => camera.SampleReceivedVideo(x, y) is { } c && !Near(c, Red) && c.Y > 20,
            "a placeholder (not black, not another participant) in the second slot");
    }

    private void WriteLayout(string json) => File.WriteAllText(Path.Combine(_layoutsDir.FullName, "half.json"), json);

    private (double X, double Y) Centre(LayoutDefinition layout, int slot)
    {
        var rect = SlotGeometry.SlotRect(layout.Slots[slot], _room.Options.Width, _room.Options.Height);
        return ((rect.X + (rect.Width / 2.0)) / _room.Options.Width, (rect.Y + (rect.Height / 2.0)) / _room.Options.Height);
    }

    private async Task<MediaBot> Join(MediaBotOptions options) =>
        await MediaBot.StartAsync(
            new MediaBotOptions
            {
                SolidColor = options.SolidColor,
                SendAudio = options.SendAudio,
                SendVideo = options.SendVideo,
                ToneHertz = options.ToneHertz,
                StartPaused = options.StartPaused,
                Width = 320,
                Height = 180,
                FrameRate = 15,
            },
            async (offer, _) => (await _room.JoinAsync(offer, null, MemberKind.Participant)).Answer);
}
