namespace Mcu.Primitives;

/// <summary>What a datagram on the shared media port carries, by RFC 7983 (as updated by RFC 9443).</summary>
public enum DatagramKind : byte
{
    /// <summary>Empty, or a first byte in no assigned range (QUIC, ZRTP, TURN channels are not ours).</summary>
    Unknown = 0,
    Stun,
    Dtls,
    Rtp,
    Rtcp,
}
