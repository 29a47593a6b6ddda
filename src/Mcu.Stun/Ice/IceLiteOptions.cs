namespace Mcu.Stun.Ice;

/// <summary>Timers of an <see cref="IceLiteAgent"/>.</summary>
public sealed class IceLiteOptions
{
    /// <summary>The defaults: 30 s to get nominated, 30 s of consent (RFC 7675 section 5.1).</summary>
    public static IceLiteOptions Default { get; } = new();

    /// <summary>How long after creation a nomination may take before the agent fails.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long without a valid check from the selected address before consent expires.</summary>
    public TimeSpan ConsentTimeout { get; init; } = TimeSpan.FromSeconds(30);
}
