using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Mcu.Server.Tests.Whip;

namespace Mcu.Server.Tests.Api;

/// <summary>The rooms part of the control API.</summary>
public sealed class RoomEndpointsTests(TestServerFixture fixture) : IClassFixture<TestServerFixture>
{
    private readonly TestServer _server = fixture.Server;

    [Fact]
    public async Task Rooms_are_listed_with_their_counts_by_kind_and_layout()
    {
        await Join("/whip/list-a", TestOffers.SendReceive());
        await Join("/whip/list-a", TestOffers.SendOnly());
        await Join("/whep/list-a", TestOffers.ReceiveOnly());
        await Join("/whep/list-a", TestOffers.ReceiveOnly());

        var rooms = await _server.Http.GetFromJsonAsync<JsonElement>("/api/rooms");

        var room = rooms.EnumerateArray().Single(r => r.GetProperty("name").GetString() == "list-a");
        Assert.Equal(1, room.GetProperty("participants").GetInt32());
        Assert.Equal(1, room.GetProperty("publishers").GetInt32());
        Assert.Equal(2, room.GetProperty("viewers").GetInt32());
        Assert.Equal("auto", room.GetProperty("layout").GetString());
    }

    [Fact]
    public async Task A_room_state_has_the_contract_shape()
    {
        await Join("/whip/state-a?name=Ann", TestOffers.SendReceive());

        var state = (await _server.RoomStateAsync("state-a"))!.Value;

        Assert.Equal("state-a", state.GetProperty("name").GetString());
        Assert.Equal("auto", state.GetProperty("layout").GetString());
        Assert.Equal(JsonValueKind.Null, state.GetProperty("activeSpeaker").ValueKind);
        Assert.Equal(JsonValueKind.Null, state.GetProperty("recording").ValueKind);
        Assert.Equal(0, state.GetProperty("viewers").GetInt32());
        var member = Assert.Single(state.GetProperty("participants").EnumerateArray());
        Assert.Equal("Ann", member.GetProperty("name").GetString());
        Assert.True(member.GetProperty("audio").GetBoolean());
        Assert.True(member.GetProperty("video").GetBoolean());
        Assert.False(member.GetProperty("muted").GetBoolean());
        Assert.False(member.GetProperty("speaking").GetBoolean());
        Assert.False(member.GetProperty("connected").GetBoolean()); // nobody answers the ICE checks of a fake offer
        Assert.True(member.GetProperty("id").GetInt32() > 0);
    }

    [Fact]
    public async Task An_unknown_room_is_a_404_problem()
    {
        using var response = await _server.Http.GetAsync("/api/rooms/nobody-here");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Put_layout_switches_the_room_and_answers_its_state()
    {
        await Join("/whip/layout-a", TestOffers.SendReceive());

        using var response = await _server.Http.PutAsync("/api/rooms/layout-a/layout", TestServer.Body("{ \"layout\": \"grid-3x3\" }", "application/json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("grid-3x3", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("layout").GetString());
        Assert.Equal("grid-3x3", _server.Rooms.Find("layout-a")!.LayoutName);
    }

    [Theory]
    [InlineData("layout-b", "{ \"layout\": \"no-such-layout\" }", HttpStatusCode.NotFound)]
    [InlineData("no-such-room", "{ \"layout\": \"grid-3x3\" }", HttpStatusCode.NotFound)]
    [InlineData("layout-b", "{ \"name\": \"grid-3x3\" }", HttpStatusCode.BadRequest)]
    [InlineData("layout-b", "{ \"layout\": 3 }", HttpStatusCode.BadRequest)]
    [InlineData("layout-b", "{ \"layout\": \"\" }", HttpStatusCode.BadRequest)]
    [InlineData("layout-b", "grid-3x3", HttpStatusCode.BadRequest)]
    [InlineData("layout-b", "", HttpStatusCode.BadRequest)]
    public async Task Put_layout_refuses_unknown_layouts_and_rooms_and_bad_bodies(string room, string body, HttpStatusCode expected)
    {
        await Join("/whip/layout-b", TestOffers.SendReceive());

        using var response = await _server.Http.PutAsync($"/api/rooms/{room}/layout", TestServer.Body(body, "application/json"));

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("auto", _server.Rooms.Find("layout-b")!.LayoutName);
    }

    [Fact]
    public async Task Mute_and_unmute_set_the_members_flag()
    {
        await Join("/whip/mute-a", TestOffers.SendReceive());
        var id = MemberId("mute-a");

        using var muted = await _server.Http.PostAsync($"/api/rooms/mute-a/participants/{id}/mute", null);
        var afterMute = await muted.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.OK, muted.StatusCode);
        Assert.True(afterMute.GetProperty("participants")[0].GetProperty("muted").GetBoolean());
        Assert.True(_server.Rooms.Find("mute-a")!.Members.Single().Muted);

        using var unmuted = await _server.Http.PostAsync($"/api/rooms/mute-a/participants/{id}/unmute", null);
        Assert.Equal(HttpStatusCode.OK, unmuted.StatusCode);
        Assert.False(_server.Rooms.Find("mute-a")!.Members.Single().Muted);
    }

    [Theory]
    [InlineData("mute")]
    [InlineData("unmute")]
    public async Task Muting_an_unknown_member_or_room_is_404(string action)
    {
        await Join("/whip/mute-b", TestOffers.SendReceive());

        using var noMember = await _server.Http.PostAsync($"/api/rooms/mute-b/participants/999/{action}", null);
        using var noRoom = await _server.Http.PostAsync($"/api/rooms/no-room/participants/1/{action}", null);
        using var notANumber = await _server.Http.PostAsync($"/api/rooms/mute-b/participants/abc/{action}", null);

        Assert.Equal(HttpStatusCode.NotFound, noMember.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, noRoom.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, notANumber.StatusCode);
        Assert.Equal("application/problem+json", notANumber.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Delete_removes_the_member_and_a_second_delete_is_404()
    {
        await Join("/whip/remove-a", TestOffers.SendReceive());
        await Join("/whip/remove-a?name=Stays", TestOffers.SendReceive());
        var id = MemberId("remove-a");

        using var removed = await _server.Http.DeleteAsync($"/api/rooms/remove-a/participants/{id}");
        using var again = await _server.Http.DeleteAsync($"/api/rooms/remove-a/participants/{id}");

        Assert.Equal(HttpStatusCode.OK, removed.StatusCode);
        var state = await removed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Stays", Assert.Single(state.GetProperty("participants").EnumerateArray()).GetProperty("name").GetString());
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
    }

    private async Task Join(string path, string offer)
    {
        using var response = await _server.Http.PostAsync(path, TestServer.Sdp(offer));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    private int MemberId(string room) => _server.Rooms.Find(room)!.Members[0].Id;
}
