namespace Mcu.Dtls.Records;

/// <summary>
/// A few epoch-1 records that arrived before the ChangeCipherSpec enabling them (loss or reordering), replayed once
/// that epoch opens instead of waiting a retransmission round trip.
/// </summary>
internal sealed class EarlyRecordQueue
{
    public const int Capacity = 8;

    /// <summary>A handshake's epoch-1 record is a Finished of about 60 bytes; anything much larger is not worth keeping.</summary>
    public const int MaxRecordLength = 2048;

    private readonly Queue<byte[]> _records = new();

    public int Count => _records.Count;

    public bool TryAdd(ReadOnlySpan<byte> record)
    {
        if (_records.Count == Capacity || record.Length > MaxRecordLength)
        {
            return false;
        }

        _records.Enqueue(record.ToArray());
        return true;
    }

    public bool TryTake(out byte[] record) => _records.TryDequeue(out record!);

    public void Clear() => _records.Clear();
}
