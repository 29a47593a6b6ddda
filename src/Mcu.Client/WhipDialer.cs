using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Mcu.Client;

/// <summary>
/// WHIP-style signalling (RFC 9725): POST the offer as application/sdp, expect 201 with the
/// answer and a Location, DELETE the Location to hang up.
/// </summary>
public static class WhipDialer
{
    public static async Task<MediaBot> DialAsync(HttpClient http, Uri endpoint, MediaBotOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(endpoint);
        Uri? session = null;
        return await MediaBot.StartAsync(options,
            async (offer, ct) =>
            {
                using var content = new StringContent(offer, Encoding.UTF8);
                content.Headers.ContentType = new MediaTypeHeaderValue("application/sdp");
                using var response = await http.PostAsync(endpoint, content, ct).ConfigureAwait(false);
                var body = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
                if (response.StatusCode != HttpStatusCode.Created)
                {
                    throw new HttpRequestException($"{endpoint} refused the offer: {(int)response.StatusCode} {body}", null, response.StatusCode);
                }
                session = response.Headers.Location is { } location ? new Uri(endpoint, location) : null;
                return body;
            },
            async () =>
            {
                if (session is not null)
                {
                    using var response = await http.DeleteAsync(session).ConfigureAwait(false);
                }
            },
            cancellationToken).ConfigureAwait(false);
    }
}
