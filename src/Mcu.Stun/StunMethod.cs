namespace Mcu.Stun;

/// <summary>A STUN method (RFC 8489 section 18.2): the 12 method bits of the message type.</summary>
public enum StunMethod : ushort
{
    /// <summary>Binding, the only method ICE uses.</summary>
    Binding = 0x001,
}
