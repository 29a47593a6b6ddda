namespace Mcu.Stun.Ice;

/// <summary>The transport of a candidate (RFC 8839 section 5.1; TCP per RFC 6544).</summary>
public enum IceTransportProtocol
{
    /// <summary>UDP, the only transport the agents here check.</summary>
    Udp,

    /// <summary>TCP; parsed so that callers can log it, never paired.</summary>
    Tcp,
}
