namespace Mcu.Sdp;

/// <summary>The result of answering an offer: the answer (model and text) and what was negotiated.</summary>
public sealed class SdpAnswer
{
    internal SdpAnswer(SessionDescription description, NegotiatedSession session)
    {
        Description = description;
        Session = session;
        Sdp = SdpSerializer.Serialize(description);
    }

    /// <summary>The answer as a model.</summary>
    public SessionDescription Description { get; }

    /// <summary>The answer as SDP text (CRLF line endings), ready for an HTTP 201 body or a signaling message.</summary>
    public string Sdp { get; }

    /// <summary>What was negotiated.</summary>
    public NegotiatedSession Session { get; }
}
