using Mcu.Testing;
using Mcu.Client;
using Mcu.Compositor.Layouts;
using Mcu.Conference;

namespace Mcu.Recording.Tests.Support;

/// <summary>A real room in process on 127.0.0.1 with the repository's layouts, and bots of our own client role to join it.</summary>
internal sealed class TestRoom : IAsyncDisposable
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private readonly LoopbackMediaEndpoint _media = new();
    private readonly Dictionary<MediaBot, int> _bots = [];

    public TestRoom(string name, RoomOptions options)
    {
        Layouts = new LayoutCatalog(RepositoryLayouts.Directory);
        Room = new Room(name, options, _media, Layouts);
    }

    public Room Room { get; }

    public LayoutCatalog Layouts { get; }

    public async Task<MediaBot> Join(MediaBotOptions options)
    {
        var memberId = 0;
        var bot = await MediaBot.StartAsync(options, async (offer, _) =>
        {
            var joined = await Room.JoinAsync(offer, null, MemberKind.Participant);
            memberId = joined.MemberId;
            return joined.Answer;
        });
        _bots.Add(bot, memberId);
        return bot;
    }

    /// <summary>Hangs a bot up and waits until the room has let it go.</summary>
    public async Task Leave(MediaBot bot)
    {
        _bots.Remove(bot, out var memberId);
        await bot.DisposeAsync();
        await Room.RemoveAsync(memberId, "left");
        await Eventually(() => Room.Members.All(m => m.Id != memberId), "the room lets the bot go");
    }

    public static Task Eventually(Func<bool> condition, string what) => Poll.UntilAsync(condition, Patience, what);

    public async ValueTask DisposeAsync()
    {
        foreach (var bot in _bots.Keys)
        {
            await bot.DisposeAsync();
        }
        Room.Dispose();
        Layouts.Dispose();
        _media.Dispose();
    }
}
