using Mcu.Dtls.Records;

namespace Mcu.Dtls.Tests.Support;

/// <summary>Helpers to take datagrams apart and move them between endpoints by hand.</summary>
internal static class DatagramParts
{
    public static List<byte[]> Records(byte[] datagram)
    {
        var records = new List<byte[]>();
        ReadOnlySpan<byte> remaining = datagram;
        while (DtlsRecord.TryRead(remaining, out DtlsRecord record, out int length))
        {
            records.Add(record.Raw.ToArray());
            remaining = remaining[length..];
        }

        return records;
    }

    public static List<byte[]> Poll(DtlsEndpoint endpoint)
    {
        var datagrams = new List<byte[]>();
        byte[] buffer = new byte[65_536];
        while (endpoint.TryPollDatagram(buffer, out int length))
        {
            datagrams.Add(buffer.AsSpan(0, length).ToArray());
        }

        return datagrams;
    }

    /// <summary>Delivers everything <paramref name="from"/> queued to <paramref name="to"/>; returns what was delivered.</summary>
    public static List<byte[]> Forward(DtlsEndpoint from, DtlsEndpoint to, TimeSpan now)
    {
        List<byte[]> datagrams = Poll(from);
        foreach (byte[] datagram in datagrams)
        {
            to.HandleDatagram(now, datagram);
        }

        return datagrams;
    }

    /// <summary>The alert (level, description) if the datagram is a single plaintext alert record.</summary>
    public static (byte Level, byte Description)? PlaintextAlert(byte[] datagram) =>
        datagram.Length == DtlsRecord.HeaderLength + 2 && datagram[0] == 21 && datagram[3] == 0 && datagram[4] == 0
            ? (datagram[13], datagram[14])
            : null;
}
