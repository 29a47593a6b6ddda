namespace Mcu.Client;

/// <summary>
/// WHEP, the egress counterpart of WHIP: the same POST/201/Location/DELETE exchange with an
/// offer that only receives, so the bot views the composite and hears the full mix.
/// </summary>
public static class WhepDialer
{
    public static Task<MediaBot> ViewAsync(HttpClient http, Uri endpoint, CancellationToken cancellationToken = default) =>
        WhipDialer.DialAsync(http, endpoint, new MediaBotOptions { SendAudio = false, SendVideo = false }, cancellationToken);
}
