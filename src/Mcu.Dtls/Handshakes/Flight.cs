using Mcu.Dtls.Messages;

namespace Mcu.Dtls.Handshakes;

/// <summary>One flight of messages, kept whole so that it can be sent again (RFC 6347 section 4.2.4).</summary>
internal sealed class Flight
{
    private readonly List<FlightEntry> _entries = [];

    public int Count => _entries.Count;

    public FlightEntry this[int index] => _entries[index];

    public void AddHandshake(HandshakeType type, ushort messageSequence, ushort epoch, byte[] body) =>
        _entries.Add(new FlightEntry(false, type, messageSequence, epoch, body));

    /// <summary>ChangeCipherSpec is a record of its own, sent in the epoch it ends (RFC 5246 section 7.1).</summary>
    public void AddChangeCipherSpec() =>
        _entries.Add(new FlightEntry(true, default, 0, 0, []));
}

/// <summary>A handshake message (or the ChangeCipherSpec) of a flight, with the epoch its records use.</summary>
internal readonly record struct FlightEntry(bool IsChangeCipherSpec, HandshakeType Type, ushort MessageSequence, ushort Epoch, byte[] Body);
