using System.Diagnostics.CodeAnalysis;

namespace Mcu.Stun;

/// <summary>One attribute of a parsed message: its type and its value without padding.</summary>
[SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "\"Attribute\" is the STUN term (RFC 8489 section 14), not a .NET attribute.")]
public readonly ref struct StunAttribute
{
    internal StunAttribute(ushort type, ReadOnlySpan<byte> value)
    {
        Type = (StunAttributeType)type;
        Value = value;
    }

    /// <summary>The attribute type (may be a value this enum does not name).</summary>
    public StunAttributeType Type { get; }

    /// <summary>The value bytes, padding excluded.</summary>
    public ReadOnlySpan<byte> Value { get; }

    /// <summary>True for types below 0x8000, which a receiver must understand (RFC 8489 section 14).</summary>
    public bool IsComprehensionRequired => (ushort)Type < 0x8000;
}
