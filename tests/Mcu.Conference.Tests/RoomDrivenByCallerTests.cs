using Mcu.Client.Receiving;
using Mcu.Compositor.Layouts;
using Mcu.Media.Native;
using Mcu.Media.Video;
using Mcu.Testing;

using static Mcu.Conference.Tests.RoomTestSupport;

namespace Mcu.Conference.Tests;

/// <summary>
/// A room built without threads of its own (what the benchmark uses to run the room's work back
/// to back on one thread): it decodes when its caller asks, and composes and encodes exactly when
/// its caller ticks it, on the room's time line.
/// </summary>
public sealed class RoomDrivenByCallerTests : IDisposable
{
    private static readonly YuvColor Red = YuvColor.FromRgb(220, 40, 40);
    private static readonly YuvColor Blue = YuvColor.FromRgb(30, 60, 220);

    private readonly LoopbackMediaEndpoint _media = new();
    private readonly LayoutCatalog _layouts = new(RepositoryLayouts.Directory);
    private readonly Room _room;

    public RoomDrivenByCallerTests() =>
        _room = new Room("by-caller", new RoomOptions(), _media, _layouts, logger: null, ownThreads: false);

    public void Dispose()
    {
        _room.Dispose();
        _layouts.Dispose();
        _media.Dispose();
    }

    [Fact]
    public async Task It_composes_one_frame_per_tick_a_period_apart_and_none_between_ticks()
    {
        var tap = new CollectingTap();
        _room.AddTap(tap);
        var member = _room.AddLocalPublisher("red");
        _room.Decoder.Enqueue(member, RedKeyframe());

        await Task.Delay(300); // a room with its own threads would have decoded, and composed about 9 frames by now
        Assert.Equal(0, _room.Decoder.FramesDecoded);
        Assert.Empty(tap.Frames);
        Assert.Equal(1, _room.Decoder.DecodeQueued());
        Assert.Equal(1, _room.Decoder.FramesDecoded);
        Assert.Equal(0, _room.Decoder.DecodeQueued());

        _room.TickVideo(0);
        _room.TickVideo(1);
        _room.TickVideo(2);

        Assert.Equal(3, tap.Frames.Count);
        Assert.True(tap.Frames[0].IsKeyframe, "the first composite frame is a keyframe");
        long period = 90_000 / _room.Options.FrameRate;
        Assert.Equal([0, period, 2 * period], tap.Frames.Select(f => f.Pts));
        Assert.Equal(0, _room.Statistics.VideoTicksMissed);

        using var decoder = new Vp8Decoder();
        foreach (var frame in tap.Frames)
        {
            Assert.Equal(Vp8DecodeStatus.Decoded, decoder.Decode(frame.Data, out var picture));
            Assert.Equal(_room.Options.Width, picture.Width);
            var centre = PictureSampler.Sample(picture, 0.5, 0.5);
            Assert.True(Near(centre, Red), $"the composite's centre is {centre}, not the publisher's red");
        }
    }

    [Fact]
    public void A_member_who_leaves_is_forgotten_at_the_callers_next_decode()
    {
        var member = _room.AddLocalPublisher("red");
        _room.Decoder.Enqueue(member, RedKeyframe());
        Assert.Equal(1, _room.Decoder.DecodeQueued());
        Assert.True(HasPicture(member), "the decoded picture waits for the compositor");

        _room.OnMemberEnded(member, "left");
        Assert.True(HasPicture(member), "nothing runs until the caller decodes");
        Assert.Equal(1, _room.Decoder.DecodeQueued());
        Assert.False(HasPicture(member), "the picture of a member who left is released");
    }

    [Fact]
    public void A_picture_being_composed_stays_as_decoded_while_later_frames_decode_and_a_bad_frame_keeps_the_last_picture()
    {
        var member = _room.AddLocalPublisher("red, then blue");
        var frames = Encode(Red, Blue, Blue);
        _room.Decoder.Enqueue(member, frames[0]);
        _room.Decoder.DecodeQueued();
        var held = member.VideoSlot.Acquire(out _)!; // as the compositor holds it during a compose

        _room.Decoder.Enqueue(member, frames[1]);
        _room.Decoder.Enqueue(member, frames[2]);
        Assert.Equal(2, _room.Decoder.DecodeQueued());

        Assert.True(Near(Centre(held), Red), $"the held picture changed to {Centre(held)} (decoded into, not kept)");
        held.Release();
        Assert.True(Near(CurrentCentre(member), Blue), $"the slot shows {CurrentCentre(member)}, not the newest blue");

        _room.Decoder.Enqueue(member, [0x11, 0x22, 0x33, 0x44]);
        _room.Decoder.DecodeQueued();
        Assert.Equal(1, _room.Decoder.FramesFailed);
        Assert.True(member.DecoderWantsKeyframe, "a rejected frame asks the sender for a keyframe");
        Assert.True(Near(CurrentCentre(member), Blue), "the tile keeps the last good picture");
    }

    [Fact]
    public void A_decoder_with_its_own_thread_refuses_to_decode_on_the_callers()
    {
        using var decoder = new Conference.Video.DecoderWorker("mcu-test-decode");
        Assert.Throws<InvalidOperationException>(() => decoder.DecodeQueued());
    }

    private static bool HasPicture(RoomMember member)
    {
        var frame = member.VideoSlot.Acquire(out _);
        frame?.Release();
        return frame is not null;
    }

    private static YuvColor Centre(Conference.Video.SharedFrame frame) => PictureSampler.Sample(frame.Picture.AsView(), 0.5, 0.5);

    private static YuvColor CurrentCentre(RoomMember member)
    {
        var frame = member.VideoSlot.Acquire(out _)!;
        try
        {
            return Centre(frame);
        }
        finally
        {
            frame.Release();
        }
    }

    private static byte[] RedKeyframe() => Encode(Red)[0];

    private sealed class CollectingTap : IRoomMediaTap
    {
        public List<(byte[] Data, bool IsKeyframe, long Pts)> Frames { get; } = [];

        public void OnVideoFrame(ReadOnlySpan<byte> vp8Frame, bool isKeyframe, long pts90k) => Frames.Add((vp8Frame.ToArray(), isKeyframe, pts90k));

        public void OnAudioFrame(ReadOnlySpan<short> pcm, long sampleIndex)
        {
        }
    }
}
