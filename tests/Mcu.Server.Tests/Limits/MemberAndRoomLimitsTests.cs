using System.Net;
using Mcu.Server.Tests.Api;
using Mcu.Server.Tests.Whip;

namespace Mcu.Server.Tests.Limits;

/// <summary>Composite:MaxMembers and Rooms:MaxRooms refuse joins with clear problems.</summary>
public sealed class MemberAndRoomLimitsTests
{
    [Fact]
    public async Task A_full_room_is_403_and_a_server_at_its_room_limit_is_503()
    {
        await using var server = await TestServer.StartAsync("--Composite:MaxMembers=1", "--Rooms:MaxRooms=1");

        using var first = await server.Http.PostAsync("/whip/small", TestServer.Sdp(TestOffers.SendReceive()));
        using var second = await server.Http.PostAsync("/whip/small", TestServer.Sdp(TestOffers.SendReceive()));
        using var viewer = await server.Http.PostAsync("/whep/small", TestServer.Sdp(TestOffers.ReceiveOnly()));
        using var otherRoom = await server.Http.PostAsync("/whip/another", TestServer.Sdp(TestOffers.SendReceive()));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, second.StatusCode);
        Assert.Contains("full", await second.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, viewer.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, otherRoom.StatusCode);
        Assert.Contains("1 rooms", await otherRoom.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
