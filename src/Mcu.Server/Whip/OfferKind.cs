using Mcu.Conference;
using Mcu.Sdp;

namespace Mcu.Server.Whip;

/// <summary>How a WHIP offer takes part: a publisher when it only sends, else a participant.</summary>
internal static class OfferKind
{
    /// <summary>
    /// <see cref="MemberKind.Publisher"/> when every audio and video m-line still in use
    /// (neither inactive nor rejected with port 0) is sendonly; otherwise a participant, who
    /// also receives the composite and the mix.
    /// </summary>
    public static MemberKind Classify(SessionDescription offer)
    {
        ArgumentNullException.ThrowIfNull(offer);
        var sendOnly = false;
        foreach (var media in offer.Media)
        {
            if (media.MediaType is not ("audio" or "video") || media.Port == 0)
            {
                continue;
            }
            // RFC 4566 6: a media-level direction overrides the session-level one; sendrecv is the default.
            var direction = media.Direction ?? offer.Direction ?? MediaDirection.SendRecv;
            if (direction == MediaDirection.Inactive)
            {
                continue;
            }
            if (direction != MediaDirection.SendOnly)
            {
                return MemberKind.Participant;
            }
            sendOnly = true;
        }
        return sendOnly ? MemberKind.Publisher : MemberKind.Participant;
    }
}
