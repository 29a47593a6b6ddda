using Mcu.Client;
using Mcu.Compositor;
using Mcu.Compositor.Layouts;
using Mcu.Media.Video;
using Mcu.Testing.Media;

using static Mcu.Conference.Tests.RoomTestSupport;

namespace Mcu.Conference.Tests;

/// <summary>
/// A room in process with our own client role as participants over real UDP on 127.0.0.1:
/// what each one sees and hears is what an MCU must deliver.
/// </summary>
public sealed class RoomTests : IDisposable
{
    private readonly LoopbackMediaEndpoint _media = new();
    private readonly LayoutCatalog _layouts = new(RepositoryLayouts.Directory);
    private readonly Room _room;

    public RoomTests() => _room = new Room("test", new RoomOptions(), _media, _layouts);

    public void Dispose()
    {
        _room.Dispose();
        _layouts.Dispose();
        _media.Dispose();
    }

    [Fact]
    public async Task Three_participants_see_every_colour_in_its_slot_and_hear_the_others_but_not_themselves()
    {
        (YuvColor Color, double Tone)[] people =
        [
            (YuvColor.FromRgb(220, 40, 40), 400),
            (YuvColor.FromRgb(40, 200, 60), 600),
            (YuvColor.FromRgb(40, 70, 220), 900),
        ];
        var bots = new List<MediaBot>();
        try
        {
            foreach (var (color, tone) in people)
            {
                bots.Add(await Join(new MediaBotOptions { SolidColor = color, ToneHertz = tone, Width = 320, Height = 180, FrameRate = 15 }));
            }
            var layout = _room.ResolveLayout(3);
            var canvas = new PixelRect(0, 0, _room.Options.Width, _room.Options.Height);
            var centres = Enumerable.Range(0, 3).Select(i =>
            {
                var rect = SlotGeometry.SlotRect(layout.Slots[i], _room.Options.Width, _room.Options.Height);
                return ((rect.X + (rect.Width / 2.0)) / canvas.Width, (rect.Y + (rect.Height / 2.0)) / canvas.Height);
            }).ToArray();

            await Eventually(() => bots.All(bot => Enumerable.Range(0, 3).All(i => Near(bot.SampleReceivedVideo(centres[i].Item1, centres[i].Item2), people[i].Color))),
                "every participant sees all three colours in join order");

            await Task.Delay(TimeSpan.FromSeconds(1.5)); // a second of mixed audio after everyone is in
            for (var i = 0; i < bots.Count; i++)
            {
                var pcm = new short[48_000];
                var count = bots[i].CopyReceivedAudio(pcm);
                Assert.True(count >= 24_000, $"participant {i} heard only {count} samples");
                var heard = pcm.AsSpan(count - 24_000, 24_000);
                for (var j = 0; j < people.Length; j++)
                {
                    var level = ToneDetector.RelativeLevelDb(heard, people[j].Tone);
                    if (i == j)
                    {
                        Assert.True(level < -30, $"participant {i} hears its own {people[j].Tone} Hz tone at {level:0.0} dB");
                    }
                    else
                    {
                        Assert.True(level > -10, $"participant {i} hears {people[j].Tone} Hz only at {level:0.0} dB");
                    }
                }
            }
            Assert.Equal(3, _room.Members.Count);
            Assert.All(_room.Members, m => Assert.True(m.Connected && m.HasAudio && m.HasVideo));
        }
        finally
        {
            foreach (var bot in bots)
            {
                await bot.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task A_participant_who_leaves_disappears_from_the_room_and_the_composite()
    {
        var red = YuvColor.FromRgb(220, 40, 40);
        var green = YuvColor.FromRgb(40, 200, 60);
        await using var stays = await Join(new MediaBotOptions { SolidColor = red, Width = 320, Height = 180, FrameRate = 15 });
        var leaves = await Join(new MediaBotOptions { SolidColor = green, Width = 320, Height = 180, FrameRate = 15 });
        var twoUp = _room.ResolveLayout(2);
        var second = SlotGeometry.SlotRect(twoUp.Slots[1], _room.Options.Width, _room.Options.Height);
        await Eventually(() => Near(stays.SampleReceivedVideo((second.X + (second.Width / 2.0)) / _room.Options.Width, (second.Y + (second.Height / 2.0)) / _room.Options.Height), green),
            "the second participant's colour in the second slot");

        var leaverId = _room.Members.Single(m => m.Id != _room.Members.Min(x => x.Id)).Id;
        await leaves.DisposeAsync();
        Assert.True(await _room.RemoveAsync(leaverId, "test") || _room.Members.All(m => m.Id != leaverId));
        await Eventually(() => _room.Members.Count == 1, "the room forgets the participant who left");
        // Alone, the remaining participant fills the whole picture.
        await Eventually(() => Near(stays.SampleReceivedVideo(0.75, 0.5), red) && Near(stays.SampleReceivedVideo(0.25, 0.5), red),
            "the composite shows only the one left");
    }

    [Fact]
    public async Task A_muted_participant_is_not_heard()
    {
        await using var talker = await Join(new MediaBotOptions { SendVideo = false, ToneHertz = 500 });
        await using var listener = await Join(new MediaBotOptions { SendVideo = false, ToneHertz = 800 });
        var talkerId = _room.Members.Min(m => m.Id);
        await Eventually(() => HeardLevel(listener, 500) > -10, "the listener hears the talker");
        Assert.True(_room.SetMuted(talkerId, true));
        await Task.Delay(TimeSpan.FromSeconds(1.2));
        var pcm = new short[12_000];
        var count = listener.CopyReceivedAudio(pcm);
        var level = ToneDetector.AbsoluteLevelDbfs(pcm.AsSpan(0, count), 500);
        Assert.True(level < -50, $"a muted talker is silent, but its tone is heard at {level:0.0} dBFS");
        Assert.True(_room.Members.Single(m => m.Id == talkerId).Muted);
    }

    [Fact]
    public async Task A_garbage_offer_is_refused_with_the_reason_and_the_room_goes_on()
    {
        var error = await Assert.ThrowsAsync<Sdp.SdpException>(() => _room.JoinAsync("v=0\r\nthis is not an offer", "mallory", MemberKind.Participant));
        Assert.False(string.IsNullOrEmpty(error.Message));
        Assert.Equal(0, _room.MemberCount);
        await using var bot = await Join(new MediaBotOptions { SendVideo = false });
        Assert.Equal(1, _room.MemberCount);
    }

    private async Task<MediaBot> Join(MediaBotOptions options) =>
        await MediaBot.StartAsync(options, async (offer, _) => (await _room.JoinAsync(offer, null, MemberKind.Participant)).Answer);

    private static double HeardLevel(MediaBot bot, double hertz, int lastSamples = 24_000)
    {
        var pcm = new short[48_000];
        var count = bot.CopyReceivedAudio(pcm);
        return count < lastSamples ? double.NegativeInfinity : ToneDetector.RelativeLevelDb(pcm.AsSpan(count - lastSamples, lastSamples), hertz);
    }
}
