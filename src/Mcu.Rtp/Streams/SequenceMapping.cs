namespace Mcu.Rtp.Streams;

/// <summary>
/// One receiver's rewrite of a source stream: receiver seq = source seq + <see cref="SequenceOffset"/> and receiver
/// timestamp = source timestamp + <see cref="TimestampOffset"/>, both modulo their widths.
/// </summary>
public readonly record struct SequenceMapping(ushort SequenceOffset, uint TimestampOffset)
{
    public ushort ToReceiver(ushort sourceSequenceNumber) => unchecked((ushort)(sourceSequenceNumber + SequenceOffset));

    /// <summary>The source sequence number a receiver's NACK refers to.</summary>
    public ushort ToSource(ushort receiverSequenceNumber) => unchecked((ushort)(receiverSequenceNumber - SequenceOffset));

    public uint ToReceiverTimestamp(uint sourceTimestamp) => unchecked(sourceTimestamp + TimestampOffset);
}
