namespace Mcu.Dtls.Handshakes;

/// <summary>What the reassembler did with a handshake fragment.</summary>
internal enum FragmentStatus
{
    /// <summary>Stored, bringing bytes (or a message) not seen before.</summary>
    Accepted,

    /// <summary>A message still being collected, but every byte of the fragment had already arrived.</summary>
    Duplicate,

    /// <summary>A message already released: the peer retransmitted.</summary>
    Old,

    /// <summary>Too far ahead of the next expected message to buffer.</summary>
    OutOfWindow,

    /// <summary>Type or length disagree with earlier fragments of the same message.</summary>
    Inconsistent,

    /// <summary>The message would exceed the size limit.</summary>
    TooLarge,
}
