namespace Mcu.Conference;

/// <summary>A request the conference refuses, with a reason fit for the caller (an HTTP 4xx).</summary>
public sealed class ConferenceException : Exception
{
    public ConferenceException()
    {
    }

    public ConferenceException(string message)
        : base(message)
    {
    }

    public ConferenceException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
