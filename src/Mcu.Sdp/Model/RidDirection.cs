namespace Mcu.Sdp;

/// <summary>The direction of an a=rid line (RFC 8851).</summary>
public enum RidDirection
{
    /// <summary>The writer of the line sends this RTP stream.</summary>
    Send,

    /// <summary>The writer of the line receives this RTP stream.</summary>
    Recv,
}
