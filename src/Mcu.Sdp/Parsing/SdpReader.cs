using System.Globalization;

namespace Mcu.Sdp;

/// <summary>One parse: splits lines, checks characters and structure, and fills the model line by line.</summary>
internal sealed partial class SdpReader
{
    private readonly SdpLimits _limits;
    private readonly bool _fragment;
    private readonly SessionDescription _session = new();
    private MediaDescription? _media;
    private int _line;
    private int _attributes;
    private bool _seenVersion;
    private bool _seenOrigin;
    private bool _seenName;
    private bool _seenTiming;

    public SdpReader(SdpLimits limits, bool fragment)
    {
        _limits = limits;
        _fragment = fragment;
    }

    public SessionDescription Read(string text)
    {
        if (text.Length > _limits.MaxLength)
        {
            throw new SdpException(string.Create(CultureInfo.InvariantCulture, $"SDP is {text.Length} characters long; the limit is {_limits.MaxLength}."));
        }

        int position = text.StartsWith('\uFEFF') ? 1 : 0;
        while (position < text.Length)
        {
            int newline = text.IndexOf('\n', position);
            int end = newline < 0 ? text.Length : newline;
            ReadOnlySpan<char> line = text.AsSpan(position, end - position);
            position = end + 1;
            _line++;
            if (_line > _limits.MaxLines)
            {
                throw Error($"too many lines; the limit is {_limits.MaxLines}.");
            }

            // RFC 8866 §5 asks for CRLF but parsers should accept LF alone; trailing whitespace is a common slip.
            if (line.EndsWith('\r'))
            {
                line = line[..^1];
            }

            line = line.TrimEnd(" \t");
            if (line.Length > _limits.MaxLineLength)
            {
                throw Error($"the line is longer than {_limits.MaxLineLength} characters.");
            }

            if (!line.IsEmpty)
            {
                CheckCharacters(line);
                ReadLine(line);
            }
        }

        Finish();
        return _session;
    }

    private void CheckCharacters(ReadOnlySpan<char> line)
    {
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if ((c < ' ' && c != '\t') || c == '\u007f')
            {
                throw Error($"control character U+{(int)c:X4} is not allowed.");
            }

            if (char.IsHighSurrogate(c) && i + 1 < line.Length && char.IsLowSurrogate(line[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                throw Error("the text contains an unpaired UTF-16 surrogate.");
            }
        }
    }

    private void ReadLine(ReadOnlySpan<char> line)
    {
        if (line.Length < 2 || line[1] != '=' || !char.IsAsciiLetterLower(line[0]))
        {
            throw Error("expected '<type>=<value>' with a lower-case type letter.");
        }

        char type = line[0];
        string value = line[2..].ToString();
        if (!_fragment && !_seenVersion && type != 'v')
        {
            throw Error("SDP must begin with a v= line.");
        }

        if (_media is null)
        {
            ReadSessionLine(type, value);
        }
        else
        {
            ReadMediaLine(_media, type, value);
        }
    }

    private void ReadSessionLine(char type, string value)
    {
        if (_fragment && type is not ('a' or 'm' or 'c' or 'b' or 'i'))
        {
            throw Error($"'{type}=' is not allowed in a trickle-ice-sdpfrag body (RFC 8840).");
        }

        switch (type)
        {
            case 'v':
                RequireFirst(_seenVersion, "v=");
                if (value != "0")
                {
                    throw Error("only SDP version 0 exists (v=0).");
                }

                _seenVersion = true;
                break;
            case 'o':
                RequireFirst(_seenOrigin, "o=");
                _session.Origin = Check(SdpOrigin.TryParse(value, out SdpOrigin? origin, out string? error), origin, error);
                _seenOrigin = true;
                break;
            case 's':
                RequireFirst(_seenName, "s=");
                _session.SessionName = value;
                _seenName = true;
                break;
            case 'i':
                RequireFirst(_session.Information is not null, "i=");
                _session.Information = value;
                break;
            case 'c':
                RequireFirst(_session.Connection is not null, "c=");
                _session.Connection = Check(SdpConnection.TryParse(value, out SdpConnection? connection, out error), connection, error);
                break;
            case 'b':
                _session.Bandwidths.Add(Check(SdpBandwidth.TryParse(value, out SdpBandwidth? bandwidth, out error), bandwidth, error));
                break;
            case 't' when !_seenTiming:
                _session.Timing = Check(SdpTiming.TryParse(value, out SdpTiming? timing, out error), timing, error);
                _seenTiming = true;
                break;
            case 't' or 'r' or 'z' or 'u' or 'e' or 'p' or 'k':
                _session.ExtraLines.Add(new SdpLine(type, value));
                break;
            case 'a':
                ReadSessionAttribute(value);
                break;
            case 'm':
                StartMedia(value);
                break;
            default:
                // RFC 8866 §5: a description with an unknown type letter must be ignored as a whole.
                throw Error($"unknown line type '{type}='.");
        }
    }

    private void ReadMediaLine(MediaDescription media, char type, string value)
    {
        switch (type)
        {
            case 'i':
                RequireFirst(media.Information is not null, "i=");
                media.Information = value;
                break;
            case 'c':
                RequireFirst(media.Connection is not null, "c=");
                media.Connection = Check(SdpConnection.TryParse(value, out SdpConnection? connection, out string? error), connection, error);
                break;
            case 'b':
                media.Bandwidths.Add(Check(SdpBandwidth.TryParse(value, out SdpBandwidth? bandwidth, out error), bandwidth, error));
                break;
            case 'k':
                media.ExtraLines.Add(new SdpLine(type, value));
                break;
            case 'a':
                ReadMediaAttribute(media, value);
                break;
            case 'm':
                StartMedia(value);
                break;
            default:
                throw Error($"'{type}=' is not allowed inside a media section.");
        }
    }

    private void StartMedia(string value)
    {
        if (_session.Media.Count >= _limits.MaxMediaSections)
        {
            throw Error($"too many m= sections; the limit is {_limits.MaxMediaSections}.");
        }

        if (!_fragment)
        {
            RequireSeenBeforeMedia(_seenOrigin, "o=");
            RequireSeenBeforeMedia(_seenName, "s=");
            RequireSeenBeforeMedia(_seenTiming, "t=");
        }

        string[] words = SdpToken.Words(value);
        if (words.Length < 4)
        {
            throw Error("m= needs <media> <port> <proto> and at least one format.");
        }

        if (!SdpToken.IsToken(words[0]))
        {
            throw Error("m= media type is not a token.");
        }

        var media = new MediaDescription { MediaType = words[0] };
        int slash = words[1].IndexOf('/', StringComparison.Ordinal);
        ReadOnlySpan<char> portText = slash < 0 ? words[1] : words[1].AsSpan(0, slash);
        if (!SdpNumber.TryParse(portText, 0, 65535, out int port))
        {
            throw Error($"m= port '{SdpText.Excerpt(portText)}' is not in the range 0-65535.");
        }

        media.Port = port;
        if (slash >= 0)
        {
            if (!SdpNumber.TryParse(words[1].AsSpan(slash + 1), 1, 65535, out int count))
            {
                throw Error("m= port count is not in the range 1-65535.");
            }

            media.PortCount = count;
        }

        foreach (string part in words[2].Split('/'))
        {
            if (!SdpToken.IsToken(part))
            {
                throw Error("m= protocol must be tokens separated by '/'.");
            }
        }

        media.Protocol = words[2];
        if (words.Length - 3 > _limits.MaxFormatsPerMedia)
        {
            throw Error($"m= lists {words.Length - 3} formats; the limit is {_limits.MaxFormatsPerMedia}.");
        }

        for (int i = 3; i < words.Length; i++)
        {
            if (!SdpToken.IsToken(words[i]))
            {
                throw Error("m= format is not a token.");
            }

            if (media.IsRtp && !SdpPayloadType.TryParse(words[i], out _))
            {
                throw Error($"m= payload type '{SdpText.Excerpt(words[i])}' is not in the range 0-127.");
            }

            media.Formats.Add(words[i]);
        }

        _session.Media.Add(media);
        _media = media;
        _attributes = 0;
    }

    private void Finish()
    {
        if (_fragment)
        {
            return;
        }

        if (!_seenVersion)
        {
            throw new SdpException("SDP is empty: there is no v= line.");
        }

        RequireSeen(_seenOrigin, "o=");
        RequireSeen(_seenName, "s=");
        RequireSeen(_seenTiming, "t=");
    }

    private void RequireFirst(bool seen, string line)
    {
        if (seen)
        {
            throw Error($"{line} appears more than once in this section.");
        }
    }

    private void RequireSeenBeforeMedia(bool seen, string line)
    {
        if (!seen)
        {
            throw Error($"the session-level {line} line must come before the first m= line (RFC 8866 §5).");
        }
    }

    private static void RequireSeen(bool seen, string line)
    {
        if (!seen)
        {
            throw new SdpException($"the required {line} line is missing (RFC 8866 §5).");
        }
    }

    private T Check<T>(bool ok, T? value, string? error)
        where T : class => ok && value is not null ? value : throw Error(error ?? "malformed line.");

    private SdpException Error(string message) => new(_line, message);
}
