namespace Mcu.Sdp;

/// <summary>Whether this side wants to send and/or receive one kind of media.</summary>
public readonly record struct MediaPolicy(bool Send, bool Receive)
{
    /// <summary>Send and receive: a conference participant.</summary>
    public static MediaPolicy SendReceive => new(true, true);

    /// <summary>Only send: a WHEP viewer being served.</summary>
    public static MediaPolicy SendOnly => new(true, false);

    /// <summary>Only receive: a WHIP ingest.</summary>
    public static MediaPolicy ReceiveOnly => new(false, true);

    /// <summary>Neither: m= sections of this kind are rejected.</summary>
    public static MediaPolicy Disabled => new(false, false);
}
