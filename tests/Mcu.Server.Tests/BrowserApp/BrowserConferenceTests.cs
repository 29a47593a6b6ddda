using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Mcu.Compositor.Layouts;
using Mcu.Recording;
using Mcu.Testing.Browser;
using Mcu.Testing.Media;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Mcu.Server.Tests.BrowserApp;

/// <summary>
/// Three headless Chromiums, each with its own colour and tone, join one room through the app's
/// own join flow and must each see all three in the composite and hear the other two; one
/// records the call from the page.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class BrowserConferenceTests(BrowserAppServer server) : IClassFixture<BrowserAppServer>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private static readonly int[] Background = [16, 16, 16];

    private static readonly Person[] People =
    [
        new("Red", "red", [255, 0, 0], 440),
        new("Green", "lime", [0, 255, 0], 620),
        new("Blue", "blue", [0, 0, 255], 850),
    ];

    [Fact]
    public async Task Three_browsers_see_and_hear_each_other_switch_layouts_and_leave()
    {
        var room = "app-" + Guid.NewGuid().ToString("N")[..8];
        var pages = await Task.WhenAll(People.Select(p => AppPage.OpenAsync(server.BaseAddress, room,
            FakeMedia.SolidColorVideo(p.Colour), FakeMedia.ToneAudio(p.Hertz))));
        try
        {
            foreach (var (page, person) in pages.Zip(People))
            {
                await page.JoinAsync(person.Name);
            }
            await Eventually(async () => (await RoomState(room)).Participants.Count(p => p.Connected) == 3, "three connected participants in the API");

            // Everyone sees everyone in the room's layout ("auto": grid-2x2 for three).
            foreach (var page in pages)
            {
                await ExpectComposite(page, room);
            }

            // Everyone hears the other two, not themselves (mix-minus).
            await Task.WhenAll(pages.Select((page, i) => ExpectHearing(page, i)));

            // Red records from the page: every page shows the running timer; Blue stops it; the file has everyone.
            var sinceStartClicked = Stopwatch.StartNew();
            await pages[0].Page.ClickAsync("#record-button");
            foreach (var page in pages)
            {
                await Eventually(async () => (await page.Page.TextContentAsync("#record-timer") ?? "").Contains("REC 00:0", StringComparison.Ordinal), "a running recording timer on every page");
            }
            var sinceShownEverywhere = Stopwatch.StartNew();
            var recordingState = await RoomState(room);
            var recordingFor = Task.Delay(TimeSpan.FromSeconds(4));
            await Task.WhenAll(pages.Select((page, i) => ExpectHearing(page, i)));
            await recordingFor;
            await pages[2].Page.ClickAsync("#record-button");
            // The recording ran at least from the moment every page showed it until Stop was clicked, at most from Start to Stop.
            var atLeast = sinceShownEverywhere.Elapsed;
            var atMost = sinceStartClicked.Elapsed;
            foreach (var page in pages)
            {
                await Eventually(async () => await page.Page.IsHiddenAsync("#record-timer"), "the timer gone once the recording stopped");
            }
            await ExpectRecording(room, recordingState, atLeast, atMost);

            // Every page lists the three, with the layouts and their previews to choose from.
            foreach (var page in pages)
            {
                await Eventually(async () => (await page.ParticipantsAsync()).Select(p => p.Name).Order().SequenceEqual(People.Select(p => p.Name).Order()),
                    "a page that lists all three participants");
                var previews = await page.Page.EvaluateAsync<int>("() => [...document.querySelectorAll('.layout-option img')].filter(i => i.complete && i.naturalWidth > 0).length");
                Assert.True(previews >= 7, $"only {previews} layout previews loaded");
            }

            // Red mutes: the others see the indicator, the API says so, and Green no longer hears Red.
            await pages[0].Page.ClickAsync("#mute-button");
            foreach (var page in pages)
            {
                await Eventually(async () => (await page.ParticipantsAsync()).Single(p => p.Name == "Red").Muted, "Red shown as muted");
            }
            Assert.True((await RoomState(room)).Participants.Single(p => p.Name == "Red").Muted);
            await ExpectHearing(pages[1], listener: 1, silenced: 0);

            // Muted through the control API, Green's page stops sending too and says so on its button.
            var green = (await RoomState(room)).Participants.Single(p => p.Name == "Green");
            using (var response = await server.Http.PostAsync(new Uri($"/api/rooms/{room}/participants/{green.Id}/mute", UriKind.Relative), null))
            {
                Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
            }
            await Eventually(async () => await pages[1].Page.GetAttributeAsync("#mute-button", "aria-pressed") == "true", "Green's page showing itself muted");

            // Green picks a layout on the page: the composite follows for everyone.
            await pages[1].Page.ClickAsync(".layout-option:has(input[value='grid-3x3'])");
            await Eventually(async () => (await RoomState(room)).Layout == "grid-3x3", "the room on grid-3x3");
            foreach (var page in pages)
            {
                await ExpectComposite(page, room);
            }

            // Red shares the screen instead of the camera, then stops: Red's tile follows.
            await pages[0].Page.ClickAsync("#screen-button");
            await ExpectTile(pages[1], room, "Red", rgb => !Near(rgb, People[0].Rgb), "Red's tile showing the shared screen");
            await pages[0].Page.ClickAsync("#screen-button");
            await ExpectTile(pages[1], room, "Red", rgb => Near(rgb, People[0].Rgb), "Red's tile back on the camera");

            // Blue leaves: gone from the API, from the other pages' lists and from the composite.
            await pages[2].Page.ClickAsync("#leave-button");
            await pages[2].WaitVisibleAsync("#join-view", "Blue's page did not return to the join form");
            Assert.Contains("You left the room", await pages[2].NoticeAsync(), StringComparison.Ordinal);
            await Eventually(async () => (await RoomState(room)).Participants.Select(p => p.Name).Order().SequenceEqual(["Green", "Red"]), "Blue gone from the API");
            foreach (var page in pages[..2])
            {
                await Eventually(async () => (await page.ParticipantsAsync()).All(p => p.Name != "Blue"), "Blue gone from a page's list");
                await ExpectComposite(page, room);
            }

            // The control API switches the layout too, and the pages show the new choice.
            using (var response = await server.Http.PutAsJsonAsync($"/api/rooms/{room}/layout", new { layout = "single" }))
            {
                Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
            }
            foreach (var page in pages[..2])
            {
                await ExpectComposite(page, room);
                await Eventually(() => page.Page.IsCheckedAsync(".layout-option input[value='single']"), "the page showing 'single' as the room's layout");
            }
        }
        finally
        {
            await Task.WhenAll(pages.Select(p => p.DisposeAsync().AsTask()));
        }
    }

    /// <summary>The finished recording plays, shows everyone where the layout put them, and carries all three tones (the pages heard them meanwhile).</summary>
    private async Task ExpectRecording(string room, RoomStateView state, TimeSpan atLeast, TimeSpan atMost)
    {
        var recordings = server.Services.GetRequiredService<RecordingManager>();
        RecordingInfo? info = null;
        await Eventually(() => Task.FromResult((info = recordings.List(room).SingleOrDefault())?.State == RecordingState.Finished), "a finished recording");
        // Its length is the time it ran (how long the pages took to hear each other varies with the machine's load):
        // a frame period short at most, or a second for the stop request to reach the server.
        Assert.InRange(info!.Duration.TotalSeconds, Math.Max(3.0, atLeast.TotalSeconds - 0.5), atMost.TotalSeconds + 1.0);
        Assert.Equal("", Ffmpeg.DecodeErrors(info.Path));
        var rgb = Ffmpeg.FrameRgb(info.Path, info.Duration / 2, 640, 360);
        var (points, expected) = Expected(state);
        for (var i = 0; i < points.Count; i++)
        {
            var offset = (((int)(points[i].Y * 360) * 640) + (int)(points[i].X * 640)) * 3;
            int[] seen = [rgb[offset], rgb[offset + 1], rgb[offset + 2]];
            Assert.True(Near(seen, expected[i].Rgb), $"the recording shows [{string.Join(",", seen)}] where {expected[i].Name} should be");
        }
        // Each tone clearly present in some second of it: on two loaded cores a browser's audio may pause for a moment.
        var pcm = Ffmpeg.DecodeAudio(info.Path);
        var levels = People.Select(p => Enumerable.Range(0, pcm.Length / 48_000)
            .Max(second => ToneDetector.RelativeLevelDb(pcm.AsSpan(second * 48_000, 48_000), p.Hertz))).ToArray();
        Assert.True(levels.All(level => level > -15),
            $"the recording does not carry every tone: {string.Join(", ", People.Select((p, i) => $"{p.Name} {levels[i]:0.0} dB at best"))} in {pcm.Length / 48_000.0:0.0} s");
    }

    /// <summary>
    /// Waits until the page plays every other person's tone (above -15 dB of the mix; two equal
    /// tones are -3 dB each) and neither its own nor a muted one's (below -30 dB).
    /// </summary>
    private static async Task ExpectHearing(AppPage page, int listener, int? silenced = null)
    {
        var last = string.Empty;
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            var mix = await page.CaptureAudioAsync();
            var levels = People.Select(p => ToneDetector.RelativeLevelDb(mix, p.Hertz)).ToArray();
            var heard = levels.Select((level, j) => j == listener || j == silenced ? level < -30 : level > -15);
            if (heard.All(ok => ok))
            {
                return;
            }
            last = string.Join(", ", People.Select((p, j) => $"{p.Name} {levels[j]:0.0} dB"));
            Assert.True(DateTime.UtcNow < deadline, $"{People[listener].Name} hears {last}");
        }
    }

    /// <summary>Waits until the page's composite shows, at each slot's centre of the room's resolved layout, whom the room puts there.</summary>
    private async Task ExpectComposite(AppPage page, string room)
    {
        var last = "no picture yet";
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            var state = await RoomState(room);
            var (points, expected) = Expected(state);
            var samples = await page.SampleCompositeAsync(points);
            if (samples is not null)
            {
                var mismatches = Enumerable.Range(0, points.Count)
                    .Where(i => !Near(samples[i], expected[i].Rgb))
                    .Select(i => $"({points[i].X:0.00},{points[i].Y:0.00}) wanted {expected[i].Name}, got [{string.Join(",", samples[i])}]")
                    .ToList();
                if (mismatches.Count == 0)
                {
                    return;
                }
                last = $"layout {state.Layout}: " + string.Join("; ", mismatches);
            }
            Assert.True(DateTime.UtcNow < deadline, $"the composite is not as the room says: {last}; console: {string.Join(" | ", page.Chromium.Console)}");
            await Task.Delay(250);
        }
    }

    /// <summary>Waits until the centre of <paramref name="name"/>'s tile on the page satisfies <paramref name="looks"/>.</summary>
    private async Task ExpectTile(AppPage page, string room, string name, Func<int[], bool> looks, string what)
    {
        await Eventually(async () =>
        {
            var (points, expected) = Expected(await RoomState(room));
            var slot = expected.FindIndex(e => e.Name == name);
            return await page.SampleCompositeAsync([points[slot]]) is [var rgb] && looks(rgb);
        }, what);
    }

    /// <summary>Slot centres of the layout the room resolves now, and who fills each (join order; nobody = background).</summary>
    private (List<(double X, double Y)> Points, List<(string Name, int[] Rgb)> Expected) Expected(RoomStateView state)
    {
        var catalog = server.Services.GetRequiredService<LayoutCatalog>();
        var layout = catalog.Resolve(state.Layout, state.Participants.Count)
            ?? throw new InvalidOperationException($"layout {state.Layout} does not resolve");
        var slots = new int[layout.Slots.Length];
        var ids = state.Participants.Select(p => p.Id).ToArray();
        SlotAssignment.Assign<int>(layout, ids, state.ActiveSpeaker ?? -1, slots);
        var points = new List<(double, double)>();
        var expected = new List<(string, int[])>();
        for (var i = 0; i < slots.Length; i++)
        {
            var slot = layout.Slots[i];
            points.Add((slot.X + (slot.Width / 2), slot.Y + (slot.Height / 2)));
            expected.Add(slots[i] == SlotAssignment.Empty
                ? ("background", Background)
                : (state.Participants[slots[i]].Name, People.Single(p => p.Name == state.Participants[slots[i]].Name).Rgb));
        }
        return (points, expected);
    }

    private static bool Near(int[] actual, int[] wanted) =>
        Math.Abs(actual[0] - wanted[0]) <= 60 && Math.Abs(actual[1] - wanted[1]) <= 60 && Math.Abs(actual[2] - wanted[2]) <= 60;

    private async Task<RoomStateView> RoomState(string room)
    {
        using var json = JsonDocument.Parse(await server.Http.GetStringAsync($"/api/rooms/{room}"));
        var root = json.RootElement;
        var participants = root.GetProperty("participants").EnumerateArray()
            .Select(p => new ParticipantView(p.GetProperty("id").GetInt32(), p.GetProperty("name").GetString()!,
                p.GetProperty("muted").GetBoolean(), p.GetProperty("connected").GetBoolean()))
            .ToList();
        var speaker = root.GetProperty("activeSpeaker");
        return new RoomStateView(root.GetProperty("layout").GetString()!, speaker.ValueKind == JsonValueKind.Number ? speaker.GetInt32() : null, participants);
    }

    private static async Task Eventually(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"timed out waiting for {what}");
            await Task.Delay(250);
        }
    }

    private sealed record Person(string Name, string Colour, int[] Rgb, int Hertz);

    private sealed record ParticipantView(int Id, string Name, bool Muted, bool Connected);

    private sealed record RoomStateView(string Layout, int? ActiveSpeaker, List<ParticipantView> Participants);
}
