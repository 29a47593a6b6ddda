using System.Diagnostics.Metrics;
using Mcu.Compositor.Layouts;
using Mcu.Media.Native;
using Mcu.Conference.Video;
using Mcu.Media.Video;

using static Mcu.Conference.Tests.RoomTestSupport;

namespace Mcu.Conference.Tests.Video;

/// <summary>
/// The room's decoder thread: it wakes for every frame however they are spaced, and counts (and
/// exports) the frames it drops when a member's queue backs up.
/// </summary>
public sealed class DecoderWorkerTests : IDisposable
{
    private static readonly byte[] Keyframe = Encode(new YuvColor(128, 128, 128))[0];

    private readonly LoopbackMediaEndpoint _media = new();
    private readonly LayoutCatalog _layouts = new(RepositoryLayouts.Directory);

    public void Dispose()
    {
        _layouts.Dispose();
        _media.Dispose();
    }

    [Fact]
    public async Task Frames_that_arrive_while_the_thread_sleeps_are_each_decoded()
    {
        using var room = new Room("decode-wakes", new RoomOptions(), _media, _layouts, logger: null);
        var member = room.AddLocalPublisher("grey");
        for (var i = 1; i <= 6; i++)
        {
            room.Decoder.Enqueue(member, Keyframe);
            // Each frame finds the thread asleep (it waits without spinning): a lost wake-up would stall here.
            await Eventually(() => room.Decoder.FramesDecoded == i, $"frame {i} decoded");
            await Task.Delay(i * 15);
        }
        Assert.Equal(0, room.Decoder.FramesDropped);
        Assert.Equal(0, room.Decoder.FramesFailed);
    }

    [Fact]
    public void A_backed_up_member_drops_the_frames_beyond_its_queue_counts_them_and_asks_for_a_keyframe()
    {
        using var room = new Room("decode-backlog", new RoomOptions(), _media, _layouts, logger: null, ownThreads: false);
        var member = room.AddLocalPublisher("grey");
        var exported = 0L;
        var testThread = Environment.CurrentManagedThreadId;
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == ConferenceMetrics.MeterName && instrument.Name == "mcu.decode.dropped")
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        // Only this test's drops: other rooms in the process count on their own threads.
        listener.SetMeasurementEventCallback<long>((_, value, _, _) =>
        {
            if (Environment.CurrentManagedThreadId == testThread)
            {
                exported += value;
            }
        });
        listener.Start();

        for (var i = 0; i < 20; i++)
        {
            room.Decoder.Enqueue(member, Keyframe);
        }

        Assert.Equal(4, room.Decoder.FramesDropped);
        Assert.Equal(4, exported);
        Assert.True(member.DecoderWantsKeyframe, "the member is asked for a keyframe to start again from");
        Assert.Equal(16, room.Decoder.DecodeQueued());
        Assert.Equal(16, room.Decoder.FramesDecoded);
    }
}
