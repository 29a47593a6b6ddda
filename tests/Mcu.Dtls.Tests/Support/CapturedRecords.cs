using Mcu.Dtls.Messages;
using Mcu.Dtls.Records;

namespace Mcu.Dtls.Tests.Support;

/// <summary>Reads plaintext (epoch 0) handshake fragments out of captured datagrams, to see what a peer actually sent.</summary>
internal static class CapturedRecords
{
    public readonly record struct Fragment(HandshakeType Type, ushort Sequence, int Offset, int MessageLength, byte[] Data);

    public static List<Fragment> HandshakeFragments(IEnumerable<byte[]> datagrams)
    {
        var fragments = new List<Fragment>();
        foreach (byte[] datagram in datagrams)
        {
            ReadOnlySpan<byte> remaining = datagram;
            while (DtlsRecord.TryRead(remaining, out DtlsRecord record, out int length))
            {
                remaining = remaining[length..];
                if (record.Type != ContentType.Handshake || record.Epoch != 0)
                {
                    continue;
                }

                var reader = new TlsReader(record.Fragment);
                while (HandshakeFragment.TryRead(ref reader, out HandshakeFragment fragment))
                {
                    fragments.Add(new Fragment(fragment.Type, fragment.MessageSequence, fragment.FragmentOffset, fragment.MessageLength, fragment.Data.ToArray()));
                }
            }
        }

        return fragments;
    }
}
