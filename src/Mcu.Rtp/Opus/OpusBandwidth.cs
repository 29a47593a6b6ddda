namespace Mcu.Rtp.Opus;

/// <summary>Audio bandwidth of an Opus frame (RFC 6716 section 2, table 1).</summary>
public enum OpusBandwidth : byte
{
    /// <summary>4 kHz, 8 kHz sample rate.</summary>
    Narrowband = 0,

    /// <summary>6 kHz, 12 kHz sample rate.</summary>
    Mediumband,

    /// <summary>8 kHz, 16 kHz sample rate.</summary>
    Wideband,

    /// <summary>12 kHz, 24 kHz sample rate.</summary>
    SuperWideband,

    /// <summary>20 kHz, 48 kHz sample rate.</summary>
    Fullband,
}
