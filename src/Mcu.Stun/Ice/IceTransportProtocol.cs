namespace Mcu.Stun.Ice;

/// <summary>The transport of a candidate (RFC 8445 section 5.1.1; TCP per RFC 6544).</summary>
public enum IceTransportProtocol
{
    /// <summary>UDP, the only transport the agents here check.</summary>
    Udp,

    /// <summary>TCP; the agents refuse such candidates.</summary>
    Tcp,
}
