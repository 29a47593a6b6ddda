namespace Mcu.Rtp;

/// <summary>One RFC 8285 extension element: its local id and value bytes.</summary>
public readonly ref struct RtpHeaderExtension
{
    public RtpHeaderExtension(int id, ReadOnlySpan<byte> value)
    {
        Id = id;
        Value = value;
    }

    public int Id { get; }

    public ReadOnlySpan<byte> Value { get; }
}
