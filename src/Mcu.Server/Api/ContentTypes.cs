using Microsoft.Net.Http.Headers;

namespace Mcu.Server.Api;

/// <summary>Request media type checks (parameters such as charset are ignored).</summary>
internal static class ContentTypes
{
    public const string Sdp = "application/sdp";

    public static bool Is(HttpRequest request, string mediaType) =>
        MediaTypeHeaderValue.TryParse(request.ContentType, out var parsed)
        && parsed.MediaType.Equals(mediaType, StringComparison.OrdinalIgnoreCase);

    public static IResult Unsupported(string expected) =>
        HttpProblems.Problem(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type", $"The body must be {expected}.");
}
