namespace Mcu.Stun.Ice;

/// <summary>Where an ICE agent stands (a subset of the RTCIceTransportState model).</summary>
public enum IceState
{
    /// <summary>No valid check yet.</summary>
    New,

    /// <summary>Checks are under way; nothing selected yet.</summary>
    Checking,

    /// <summary>A pair is selected and consent is fresh: media may flow to <c>SelectedRemote</c>.</summary>
    Connected,

    /// <summary>Terminal: checks failed or consent expired (RFC 7675); stop sending.</summary>
    Failed,
}
