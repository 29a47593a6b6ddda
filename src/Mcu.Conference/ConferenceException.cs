namespace Mcu.Conference;

/// <summary>Why the conference refused a request; the server maps it to an HTTP status.</summary>
public enum ConferenceError
{
    /// <summary>The request itself is unusable (a bad room name, an offer with nothing to exchange): 400.</summary>
    Invalid,

    /// <summary>No such room or member: 404.</summary>
    NotFound,

    /// <summary>The room is at its member limit: 403.</summary>
    RoomFull,

    /// <summary>The server is at its room limit or shutting down: 503.</summary>
    Unavailable,
}

/// <summary>A request the conference refuses, with a reason fit for the caller.</summary>
public sealed class ConferenceException : Exception
{
    public ConferenceException()
    {
    }

    public ConferenceException(string message)
        : this(ConferenceError.Invalid, message)
    {
    }

    public ConferenceException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ConferenceException(ConferenceError error, string message)
        : base(message)
    {
        Error = error;
    }

    public ConferenceError Error { get; }
}
