namespace Mcu.Server.Whip;

/// <summary>Which of the two HTTP dial-in protocols a session came through.</summary>
internal enum WhipProtocol
{
    /// <summary>RFC 9725 ingest: a participant or publisher.</summary>
    Whip,

    /// <summary>The egress counterpart: a viewer of the composite.</summary>
    Whep,
}
