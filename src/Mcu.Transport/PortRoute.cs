namespace Mcu.Transport;

/// <summary>Which session a datagram belongs to, and the loop that owns it.</summary>
public sealed record PortRoute(ILoopSession Session, NetworkLoop Loop);
