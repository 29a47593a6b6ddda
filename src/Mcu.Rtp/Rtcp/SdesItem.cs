namespace Mcu.Rtp.Rtcp;

/// <summary>One SDES item: type and value octets (UTF-8 text for the standard types).</summary>
public readonly ref struct SdesItem
{
    internal SdesItem(SdesItemType type, ReadOnlySpan<byte> value)
    {
        Type = type;
        Value = value;
    }

    public SdesItemType Type { get; }

    public ReadOnlySpan<byte> Value { get; }
}
