namespace Mcu.Rtp.Rtcp;

/// <summary>SDES item types (RFC 3550 sections 6.5.1-6.5.8).</summary>
public enum SdesItemType : byte
{
    /// <summary>Terminates a chunk's item list.</summary>
    End = 0,
    CanonicalName = 1,
    Name = 2,
    Email = 3,
    Phone = 4,
    Location = 5,
    Tool = 6,
    Note = 7,
    Private = 8,
}
