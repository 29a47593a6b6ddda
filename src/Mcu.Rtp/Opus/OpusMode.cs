namespace Mcu.Rtp.Opus;

/// <summary>The Opus coding mode selected by a TOC configuration (RFC 6716 section 3.1).</summary>
public enum OpusMode : byte
{
    Silk = 0,
    Hybrid,
    Celt,
}
