namespace Mcu.Server.Limits;

/// <summary>The "Limits" configuration section: request sizes and rates.</summary>
public sealed class LimitsOptions
{
    public const string Section = "Limits";

    /// <summary>Largest SDP offer or trickle fragment accepted (bytes); larger bodies get 413.</summary>
    public int MaxSdpBytes { get; set; } = 65536;

    /// <summary>Sustained HTTP requests per second from one remote address; 0 turns rate limiting off.</summary>
    public int RequestsPerSecondPerClient { get; set; } = 20;

    /// <summary>Requests one remote address may make at once before the sustained rate applies.</summary>
    public int RequestBurstPerClient { get; set; } = 40;
}
