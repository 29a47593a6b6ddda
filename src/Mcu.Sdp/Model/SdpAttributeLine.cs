namespace Mcu.Sdp;

/// <summary>An a= line the parser has no model for, kept as name and value so re-serialisation loses nothing.</summary>
public sealed record SdpAttributeLine(string Name, string? Value)
{
    /// <summary>The line value, without "a=": "name" or "name:value".</summary>
    public override string ToString() => Value is null ? Name : $"{Name}:{Value}";
}
