using System.Buffers;
using System.Text;

namespace Mcu.Sdp;

/// <summary>Parses SDP (RFC 8866) into a <see cref="SessionDescription"/>. Lenient where browsers are (LF or CRLF,
/// trailing whitespace, blank lines), strict about structure, numbers and <see cref="SdpLimits"/>; every problem is
/// an <see cref="SdpException"/> naming the line.</summary>
public sealed class SdpParser
{
    private readonly SdpLimits _limits;

    /// <summary>A parser with <see cref="SdpLimits.Default"/>.</summary>
    public SdpParser()
        : this(SdpLimits.Default)
    {
    }

    /// <summary>A parser with the given limits.</summary>
    public SdpParser(SdpLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        _limits = limits;
    }

    /// <summary>Parses SDP text; throws <see cref="SdpException"/> when it is malformed or exceeds a limit.</summary>
    public SessionDescription Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new SdpReader(_limits, fragment: false).Read(text);
    }

    /// <summary>Parses an HTTP body, which must be UTF-8 (the charset WebRTC stacks write and RFC 8866 assumes by default).</summary>
    public SessionDescription Parse(ReadOnlySpan<byte> utf8) => Parse(Decode(utf8, _limits));

    /// <summary>Parses an RFC 8840 trickle-ice-sdpfrag body: a= and m= lines without v=, o=, s= or t=.</summary>
    internal SessionDescription ParseFragment(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new SdpReader(_limits, fragment: true).Read(text);
    }

    internal static string Decode(ReadOnlySpan<byte> utf8, SdpLimits limits)
    {
        if (utf8.Length > limits.MaxLength)
        {
            throw new SdpException($"SDP is {utf8.Length} bytes long; the limit is {limits.MaxLength}.");
        }

        ReadOnlySpan<byte> text = utf8.StartsWith("\uFEFF"u8) ? utf8[3..] : utf8;
        int line = 1;
        int index = 0;
        while (index < text.Length)
        {
            byte value = text[index];
            if (value < 0x80)
            {
                line += value == (byte)'\n' ? 1 : 0;
                index++;
                continue;
            }

            if (Rune.DecodeFromUtf8(text[index..], out _, out int consumed) != OperationStatus.Done)
            {
                throw new SdpException(line, "the text is not valid UTF-8.");
            }

            index += consumed;
        }

        return Encoding.UTF8.GetString(text);
    }
}
