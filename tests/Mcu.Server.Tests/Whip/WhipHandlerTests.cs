using System.Net;
using System.Text.Json;
using Mcu.Sdp;
using Mcu.Server.Tests.Api;

namespace Mcu.Server.Tests.Whip;

/// <summary>The WHIP/WHEP HTTP contract (RFC 9725): status codes, headers, DELETE and PATCH.</summary>
public sealed class WhipHandlerTests(TestServerFixture fixture) : IClassFixture<TestServerFixture>
{
    private readonly TestServer _server = fixture.Server;

    [Fact]
    public async Task A_sendrecv_offer_is_answered_201_with_sdp_and_a_session_location_and_joins_as_a_participant()
    {
        using var response = await _server.Http.PostAsync("/whip/contract-a?name=Alice", TestServer.Sdp(TestOffers.SendReceive()));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("application/sdp", response.Content.Headers.ContentType!.MediaType);
        var answer = SessionDescription.Parse(await response.Content.ReadAsStringAsync());
        Assert.NotEmpty(answer.Media);
        var location = response.Headers.Location!.ToString();
        Assert.StartsWith("/whip/contract-a/", location, StringComparison.Ordinal);
        Assert.True(location.Length - "/whip/contract-a/".Length >= 32, "the session token is long enough to be unguessable");
        Assert.NotNull(response.Headers.ETag);

        var member = await OnlyParticipant("contract-a");
        Assert.Equal("Alice", member.GetProperty("name").GetString());
        Assert.Equal("participant", member.GetProperty("kind").GetString());
    }

    [Fact]
    public async Task A_sendonly_offer_joins_as_a_publisher()
    {
        using var response = await _server.Http.PostAsync("/whip/contract-b", TestServer.Sdp(TestOffers.SendOnly()));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("publisher", (await OnlyParticipant("contract-b")).GetProperty("kind").GetString());
        Assert.Contains("a=recvonly", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_whep_offer_joins_as_a_viewer_counted_but_not_listed()
    {
        using var response = await _server.Http.PostAsync("/whep/contract-c", TestServer.Sdp(TestOffers.ReceiveOnly()));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.StartsWith("/whep/contract-c/", response.Headers.Location!.ToString(), StringComparison.Ordinal);
        var state = (await _server.RoomStateAsync("contract-c"))!.Value;
        Assert.Equal(1, state.GetProperty("viewers").GetInt32());
        Assert.Equal(0, state.GetProperty("participants").GetArrayLength());
    }

    [Fact]
    public async Task Delete_on_the_location_leaves_at_once_and_a_second_delete_is_404()
    {
        using var created = await _server.Http.PostAsync("/whip/contract-d", TestServer.Sdp(TestOffers.SendReceive()));
        var location = created.Headers.Location!;
        Assert.Single((await _server.RoomStateAsync("contract-d"))!.Value.GetProperty("participants").EnumerateArray());

        using var deleted = await _server.Http.DeleteAsync(location);
        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        Assert.Empty((await _server.RoomStateAsync("contract-d"))!.Value.GetProperty("participants").EnumerateArray());

        using var again = await _server.Http.DeleteAsync(location);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Equal("application/problem+json", again.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Delete_with_another_rooms_path_or_protocol_is_404()
    {
        using var created = await _server.Http.PostAsync("/whip/contract-e", TestServer.Sdp(TestOffers.SendReceive()));
        var token = created.Headers.Location!.ToString().Split('/')[^1];

        using var wrongRoom = await _server.Http.DeleteAsync($"/whip/other-room/{token}");
        using var wrongProtocol = await _server.Http.DeleteAsync($"/whep/contract-e/{token}");

        Assert.Equal(HttpStatusCode.NotFound, wrongRoom.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, wrongProtocol.StatusCode);
        Assert.Single((await _server.RoomStateAsync("contract-e"))!.Value.GetProperty("participants").EnumerateArray());
    }

    [Fact]
    public async Task Patch_with_candidates_is_204_and_changes_nothing()
    {
        var (offer, ice) = TestOffers.Create();
        using var created = await _server.Http.PostAsync("/whip/contract-f", TestServer.Sdp(offer));
        var fragment = $"a=ice-ufrag:{ice.Ufrag}\r\na=ice-pwd:{ice.Password}\r\nm=audio 9 RTP/AVP 0\r\na=mid:0\r\n"
            + "a=candidate:1 1 udp 2122260223 192.0.2.1 61764 typ host\r\na=end-of-candidates\r\n";

        using var patched = await Patch(created.Headers.Location!, fragment);

        Assert.Equal(HttpStatusCode.NoContent, patched.StatusCode);
        Assert.False(patched.Headers.Contains("ETag"), "RFC 9725 4.3.1: no ETag on a trickle answer");
    }

    [Fact]
    public async Task Patch_with_new_ice_credentials_is_an_ice_restart_refused_with_422_and_the_session_stays()
    {
        using var created = await _server.Http.PostAsync("/whip/contract-g", TestServer.Sdp(TestOffers.SendReceive()));
        var restart = TestOffers.Create().Ice;
        var fragment = $"a=ice-ufrag:{restart.Ufrag}\r\na=ice-pwd:{restart.Password}\r\nm=audio 9 RTP/AVP 0\r\na=mid:0\r\n";

        using var patched = await Patch(created.Headers.Location!, fragment, ifMatch: "*");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, patched.StatusCode);
        Assert.Contains("ICE restart", await patched.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Single((await _server.RoomStateAsync("contract-g"))!.Value.GetProperty("participants").EnumerateArray());
    }

    [Fact]
    public async Task Patch_that_is_malformed_is_400_and_of_another_type_is_415_and_of_a_stale_etag_is_412()
    {
        var (offer, ice) = TestOffers.Create();
        using var created = await _server.Http.PostAsync("/whip/contract-h", TestServer.Sdp(offer));
        var location = created.Headers.Location!;

        using var malformed = await Patch(location, "a=candidate:1 1 udp 1 192.0.2.1 1 typ host\r\n");
        using var wrongType = await _server.Http.PatchAsync(location, TestServer.Body("a=end-of-candidates\r\n", "application/sdp"));
        using var stale = await Patch(location, $"a=ice-ufrag:{ice.Ufrag}\r\na=ice-pwd:{ice.Password}\r\n", ifMatch: "\"not-this-session\"");
        using var current = await Patch(location, $"a=ice-ufrag:{ice.Ufrag}\r\na=ice-pwd:{ice.Password}\r\n", ifMatch: created.Headers.ETag!.Tag);

        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Contains("\"detail\"", await malformed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, wrongType.StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, current.StatusCode);
    }

    [Fact]
    public async Task Patch_on_an_unknown_session_is_404()
    {
        using var patched = await Patch(new Uri("/whip/contract-i/00000000000000000000000000000000", UriKind.Relative), "a=end-of-candidates\r\n");
        Assert.Equal(HttpStatusCode.NotFound, patched.StatusCode);
    }

    [Theory]
    [InlineData("this is not sdp at all")]
    [InlineData("v=0\r\no=- 1 1 IN IP4 0.0.0.0\r\ns=-\r\nt=0 0\r\n")]
    public async Task An_unusable_offer_is_400_with_the_parsers_reason(string offer)
    {
        using var response = await _server.Http.PostAsync("/whip/contract-j", TestServer.Sdp(offer));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
    }

    [Fact]
    public async Task An_offer_with_another_content_type_is_415()
    {
        using var response = await _server.Http.PostAsync("/whip/contract-k", TestServer.Body(TestOffers.SendReceive(), "text/plain"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Null(_server.Rooms.Find("contract-k"));
    }

    [Fact]
    public async Task An_offer_over_the_size_limit_is_413()
    {
        var offer = TestOffers.SendReceive() + string.Concat(Enumerable.Repeat("a=x-padding:0123456789abcdef0123456789abcdef\r\n", 2000));
        using var response = await _server.Http.PostAsync("/whip/contract-l", TestServer.Sdp(offer));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task An_invalid_room_name_is_400()
    {
        using var response = await _server.Http.PostAsync("/whip/no%20spaces", TestServer.Sdp(TestOffers.SendReceive()));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Without_ice_servers_configured_no_link_headers_are_sent()
    {
        using var response = await _server.Http.PostAsync("/whip/contract-m", TestServer.Sdp(TestOffers.SendReceive()));
        Assert.False(response.Headers.Contains("Link"));
    }

    private async Task<JsonElement> OnlyParticipant(string room)
    {
        var state = (await _server.RoomStateAsync(room))!.Value;
        return Assert.Single(state.GetProperty("participants").EnumerateArray());
    }

    private async Task<HttpResponseMessage> Patch(Uri location, string fragment, string? ifMatch = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Patch, location) { Content = TestServer.Body(fragment, TrickleFragment.ContentType) };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }
        return await _server.Http.SendAsync(request);
    }
}
