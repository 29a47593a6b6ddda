namespace Mcu.Stun;

/// <summary>Packs and unpacks the 14-bit STUN message type (RFC 8489 section 5, figure 3).</summary>
public static class StunMessageType
{
    /// <summary>Binding request (0x0001).</summary>
    public const ushort BindingRequest = 0x0001;

    /// <summary>Binding indication (0x0011).</summary>
    public const ushort BindingIndication = 0x0011;

    /// <summary>Binding success response (0x0101).</summary>
    public const ushort BindingSuccessResponse = 0x0101;

    /// <summary>Binding error response (0x0111).</summary>
    public const ushort BindingErrorResponse = 0x0111;

    // The class bits C0 and C1 sit at bits 4 and 8, interleaved with the method bits
    // M0-M3, M4-M6 and M7-M11 (figure 3).
    /// <summary>Combines a method and a class into the wire value.</summary>
    public static ushort Encode(StunMethod method, StunMessageClass messageClass)
    {
        var m = (int)method & 0x0FFF;
        var c = (int)messageClass & 0x3;
        return (ushort)((m & 0x000F) | ((m & 0x0070) << 1) | ((m & 0x0F80) << 2) | ((c & 0x1) << 4) | ((c & 0x2) << 7));
    }

    /// <summary>The method bits of a wire value.</summary>
    public static StunMethod GetMethod(ushort messageType) =>
        (StunMethod)((messageType & 0x000F) | ((messageType & 0x00E0) >> 1) | ((messageType & 0x3E00) >> 2));

    /// <summary>The class bits of a wire value.</summary>
    public static StunMessageClass GetClass(ushort messageType) =>
        (StunMessageClass)(((messageType >> 4) & 0x1) | ((messageType >> 7) & 0x2));
}
