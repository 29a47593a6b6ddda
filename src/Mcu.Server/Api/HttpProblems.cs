using Mcu.Conference;
using Microsoft.AspNetCore.Mvc;

namespace Mcu.Server.Api;

/// <summary>RFC 9457 problem responses shared by the API, WHIP/WHEP and the middleware.</summary>
internal static class HttpProblems
{
    public static IResult Problem(int status, string title, string detail) =>
        Results.Problem(detail, statusCode: status, title: title);

    public static IResult NotFound(string detail) => Problem(StatusCodes.Status404NotFound, "Not found", detail);

    public static IResult BadRequest(string detail) => Problem(StatusCodes.Status400BadRequest, "Bad request", detail);

    /// <summary>The status a refusal of the conference maps to.</summary>
    public static int StatusOf(ConferenceError error) => error switch
    {
        ConferenceError.NotFound => StatusCodes.Status404NotFound,
        ConferenceError.RoomFull => StatusCodes.Status403Forbidden,
        ConferenceError.Unavailable => StatusCodes.Status503ServiceUnavailable,
        _ => StatusCodes.Status400BadRequest,
    };

    public static IResult FromConference(ConferenceException refusal)
    {
        var status = StatusOf(refusal.Error);
        var title = refusal.Error switch
        {
            ConferenceError.NotFound => "No such room",
            ConferenceError.RoomFull => "Room full",
            ConferenceError.Unavailable => "Server busy",
            _ => "Refused",
        };
        return Problem(status, title, refusal.Message);
    }

    /// <summary>A 401 with the RFC 6750 3 challenge, so clients know a bearer token is expected.</summary>
    public static IResult Unauthorized(ProblemDetails problem) => new Challenge(Results.Problem(problem));

    public static ProblemDetails UnauthorizedDetails(string detail) => new()
    {
        Status = StatusCodes.Status401Unauthorized,
        Title = "Unauthorized",
        Detail = detail,
    };

    private sealed class Challenge(IResult inner) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.WWWAuthenticate = "Bearer";
            return inner.ExecuteAsync(httpContext);
        }
    }
}
