using System.Text;

namespace Mcu.Sdp;

/// <summary>An RFC 8840 application/trickle-ice-sdpfrag body, as WHIP/WHEP PATCH requests carry (RFC 9725): ICE
/// credentials (a changed ufrag means an ICE restart), and per m= section the mid, candidates and end-of-candidates.</summary>
public sealed class TrickleFragment
{
    /// <summary>The MIME type of the body.</summary>
    public const string ContentType = "application/trickle-ice-sdpfrag";

    /// <summary>The sender's a=ice-ufrag; one value for the whole fragment since BUNDLE leaves one transport.</summary>
    public string? IceUfrag { get; set; }

    /// <summary>The sender's a=ice-pwd.</summary>
    public string? IcePwd { get; set; }

    /// <summary>Session-level a=ice-options.</summary>
    public List<string> IceOptions { get; } = [];

    /// <summary>Session-level a=end-of-candidates: no more candidates for any section.</summary>
    public bool EndOfCandidates { get; set; }

    /// <summary>The m= sections in order.</summary>
    public List<TrickleMedia> Media { get; } = [];

    /// <summary>Parses a fragment body; throws <see cref="SdpException"/> when malformed.</summary>
    public static TrickleFragment Parse(string text, SdpLimits? limits = null)
    {
        SessionDescription parsed = new SdpParser(limits ?? SdpLimits.Default).ParseFragment(text);
        var fragment = new TrickleFragment
        {
            IceUfrag = parsed.IceUfrag,
            IcePwd = parsed.IcePwd,
        };
        fragment.IceOptions.AddRange(parsed.IceOptions);
        foreach (SdpAttributeLine attribute in parsed.Attributes)
        {
            if (attribute.Name == "end-of-candidates")
            {
                fragment.EndOfCandidates = true;
            }
            else if (attribute.Name == "candidate")
            {
                throw new SdpException("a=candidate must follow the m= line of its section in a trickle-ice-sdpfrag body (RFC 8840).");
            }
        }

        foreach (MediaDescription section in parsed.Media)
        {
            fragment.IceUfrag = Merge(fragment.IceUfrag, section.IceUfrag, "a=ice-ufrag");
            fragment.IcePwd = Merge(fragment.IcePwd, section.IcePwd, "a=ice-pwd");
            var media = new TrickleMedia
            {
                Mid = section.Mid,
                MediaType = section.MediaType,
                EndOfCandidates = section.EndOfCandidates,
            };
            media.Candidates.AddRange(section.Candidates);
            fragment.Media.Add(media);
        }

        return fragment;
    }

    /// <summary>The body text in the layout of RFC 9725's example: session-level ice-options, then per section a
    /// placeholder m= line, a=mid, the credentials, candidates and end-of-candidates.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        if (IceOptions.Count > 0)
        {
            Line(text, "a=ice-options:" + string.Join(' ', IceOptions));
        }

        if (EndOfCandidates)
        {
            Line(text, "a=end-of-candidates");
        }

        foreach (TrickleMedia media in Media)
        {
            Line(text, $"m={media.MediaType} 9 RTP/AVP 0");
            if (media.Mid is not null)
            {
                Line(text, "a=mid:" + media.Mid);
            }

            if (IceUfrag is not null)
            {
                Line(text, "a=ice-ufrag:" + IceUfrag);
            }

            if (IcePwd is not null)
            {
                Line(text, "a=ice-pwd:" + IcePwd);
            }

            foreach (IceCandidate candidate in media.Candidates)
            {
                Line(text, "a=" + candidate);
            }

            if (media.EndOfCandidates)
            {
                Line(text, "a=end-of-candidates");
            }
        }

        return text.ToString();
    }

    private static string? Merge(string? current, string? section, string name) =>
        section is null || current is null || current == section
            ? current ?? section
            : throw new SdpException($"the fragment has two different {name} values; a bundled session has one transport.");

    private static void Line(StringBuilder text, string line) => text.Append(line).Append("\r\n");
}
