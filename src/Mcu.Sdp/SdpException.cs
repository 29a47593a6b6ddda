using System.Globalization;

namespace Mcu.Sdp;

/// <summary>Malformed or unacceptable SDP. The message names the line (when there is one) and the problem,
/// and is written to be returned as-is in an HTTP 400 body.</summary>
public sealed class SdpException : Exception
{
    /// <summary>Creates an exception with a generic message.</summary>
    public SdpException()
        : base("Invalid SDP.")
    {
    }

    /// <summary>Creates an exception about the description as a whole.</summary>
    public SdpException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception about the description as a whole, keeping the cause.</summary>
    public SdpException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an exception about one line; the message is prefixed with the line number.</summary>
    public SdpException(int lineNumber, string message)
        : base(string.Create(CultureInfo.InvariantCulture, $"SDP line {lineNumber}: {message}"))
    {
        LineNumber = lineNumber;
    }

    /// <summary>1-based line number of the problem, or 0 when it concerns the description as a whole.</summary>
    public int LineNumber { get; }
}
