namespace Mcu.Server.Whip;

/// <summary>Maps WHIP at /whip/{room} and WHEP at /whep/{room}, each with its session URLs below.</summary>
internal static class WhipEndpoints
{
    public static IServiceCollection AddMcuWhip(this IServiceCollection services) =>
        services.AddSingleton<WhipSessionStore>().AddSingleton<WhipHandler>();

    public static void MapMcuWhip(this IEndpointRouteBuilder app)
    {
        Map(app, "/whip", WhipProtocol.Whip);
        Map(app, "/whep", WhipProtocol.Whep);
    }

    private static void Map(IEndpointRouteBuilder app, string prefix, WhipProtocol protocol)
    {
        var group = app.MapGroup(prefix);
        group.MapPost("/{room}", (HttpContext context, string room, WhipHandler handler) => handler.CreateAsync(context, room, protocol));
        group.MapMethods("/{room}", [HttpMethods.Options], (string room, WhipHandler handler) => handler.Options(room));
        group.MapDelete("/{room}/{session}", (string room, string session, WhipHandler handler) => handler.DeleteAsync(room, session, protocol));
        group.MapPatch("/{room}/{session}", (HttpContext context, string room, string session, WhipHandler handler) =>
            handler.PatchAsync(context, room, session, protocol));
    }
}
