namespace Mcu.Stun.Ice;

/// <summary>Timers and limits of an <see cref="IceControllingAgent"/>.</summary>
public sealed class IceControllingOptions
{
    /// <summary>The defaults below.</summary>
    public static IceControllingOptions Default { get; } = new();

    /// <summary>Pacing: at most one new check per Ta (RFC 8445 section 14.2).</summary>
    public TimeSpan Ta { get; init; } = TimeSpan.FromMilliseconds(50);

    /// <summary>First retransmission timeout of a check; doubles per retransmission (RFC 8489 section 6.2.1).</summary>
    public TimeSpan InitialRto { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Transmissions of one check before it fails (Rc, RFC 8489 section 6.2.1).</summary>
    public int MaxTransmissions { get; init; } = 7;

    /// <summary>After the last transmission, wait this many initial RTOs for a response (Rm, RFC 8489 section 6.2.1).</summary>
    public int LastResponseWaitFactor { get; init; } = 16;

    /// <summary>Mean interval of consent checks once connected; each is randomised to 0.8-1.2 times this (RFC 7675 section 5.1).</summary>
    public TimeSpan ConsentInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Consent expires after this long without a response (RFC 7675 section 5.1).</summary>
    public TimeSpan ConsentTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The agent fails when nothing is selected this long after <see cref="IceControllingAgent.Start"/>.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Local preference of our (single) candidate, for PRIORITY and pair priorities (RFC 8445 section 5.1.2.1).</summary>
    public int LocalPreference { get; init; } = IceCandidate.DefaultLocalPreference;
}
