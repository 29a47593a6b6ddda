using System.Text.Json;
using Mcu.Conference;
using Mcu.Server.Tests.Api;
using Mcu.Server.Tests.Auth;
using Microsoft.Extensions.DependencyInjection;

namespace Mcu.Server.Tests.BrowserApp;

/// <summary>What the app tells people when the camera is refused or the server is gone.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class BrowserAppErrorTests(BrowserAppServer server) : IClassFixture<BrowserAppServer>
{
    [Fact]
    public async Task A_refused_camera_says_so_and_watching_only_still_joins()
    {
        var room = "denied-" + Guid.NewGuid().ToString("N")[..8];
        await using var page = await AppPage.OpenAsync(server.BaseAddress, room, grantMedia: false);

        await page.ClickJoinAsync("Dana", originalSound: false);
        await page.WaitVisibleAsync("#notice", "no message after the camera was refused");

        Assert.Contains("access was denied", await page.NoticeAsync(), StringComparison.Ordinal);
        Assert.True(await page.Page.IsVisibleAsync("#join-view"));
        Assert.False(await page.Page.IsVisibleAsync("#call-view"));
        Assert.Null(server.Services.GetRequiredService<RoomRegistry>().Find(room)); // nothing was joined

        await page.ClickJoinAsync("Dana", originalSound: false, watchOnly: true);
        await page.WaitVisibleAsync("#call-view", "watching only did not join");
        using var state = JsonDocument.Parse(await server.Http.GetStringAsync($"/api/rooms/{room}"));
        Assert.Equal(1, state.RootElement.GetProperty("viewers").GetInt32());
        Assert.Equal(0, state.RootElement.GetProperty("participants").GetArrayLength());
        Assert.False(await page.Page.IsVisibleAsync("#mute-button")); // a viewer sends nothing to mute
    }

    [Fact]
    public async Task A_server_that_needs_an_invitation_says_so_and_the_invitation_link_joins()
    {
        const string Secret = "browser-app-test-secret-0123456789";
        await using var secured = await TestServer.StartAsync("--Auth:JoinTokenSecret=" + Secret);
        await using var page = await AppPage.OpenAsync(secured.BaseAddress, "private");

        await page.ClickJoinAsync("Gail", watchOnly: true);
        await page.WaitVisibleAsync("#notice", "no message without an invitation");
        Assert.Contains("need an invitation", await page.NoticeAsync(), StringComparison.Ordinal);

        await page.GotoAsync("private", JwtSigner.JoinToken(Secret, "private", DateTimeOffset.UtcNow.AddMinutes(10)));
        await page.ClickJoinAsync("Gail", watchOnly: true);
        await page.WaitVisibleAsync("#call-view", "the invitation link did not join");
        Assert.Contains(secured.Rooms.Find("private")!.Members, m => m.Name == "Gail");
    }

    [Fact]
    public async Task A_server_that_is_gone_is_reported_as_unreachable()
    {
        var own = new BrowserAppServer();
        await own.InitializeAsync();
        AppPage? page = null;
        try
        {
            page = await AppPage.OpenAsync(own.BaseAddress, "gone");
            await own.StopAsync();

            await page.ClickJoinAsync("Erin");
            await page.WaitVisibleAsync("#notice", "no message with the server gone");

            Assert.Contains("Cannot reach the conference server", await page.NoticeAsync(), StringComparison.Ordinal);
            Assert.True(await page.Page.IsEnabledAsync("#join-button")); // ready to try again
        }
        finally
        {
            if (page is not null)
            {
                await page.DisposeAsync();
            }
            await own.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_server_shutting_down_during_a_call_says_so()
    {
        var own = new BrowserAppServer();
        await own.InitializeAsync();
        AppPage? page = null;
        try
        {
            page = await AppPage.OpenAsync(own.BaseAddress, "lost");
            await page.ClickJoinAsync("Finn", watchOnly: true);
            await page.WaitVisibleAsync("#call-view", "the viewer did not join");

            await own.StopAsync();
            await page.WaitVisibleAsync("#join-view", "the page stayed in a call with the server gone");

            Assert.Contains("The server is shutting down", await page.NoticeAsync(), StringComparison.Ordinal);
        }
        finally
        {
            if (page is not null)
            {
                await page.DisposeAsync();
            }
            await own.DisposeAsync();
        }
    }
}
