using System.Security.Cryptography;
using Mcu.Dtls.Messages;

namespace Mcu.Dtls.Handshakes;

/// <summary>
/// The handshake messages that Finished, CertificateVerify and the extended-master-secret session hash cover, kept
/// whole because the hash depends on the suite and on the peer's signature scheme.
/// </summary>
internal sealed class HandshakeTranscript
{
    private byte[] _buffer = new byte[4096];
    private int _length;

    public ReadOnlySpan<byte> Messages => _buffer.AsSpan(0, _length);

    /// <summary>
    /// Appends a message as if it had been sent unfragmented: DTLS header with fragment_offset 0 and
    /// fragment_length = length (RFC 6347 section 4.2.6).
    /// </summary>
    public void Append(HandshakeType type, ushort sequence, ReadOnlySpan<byte> body)
    {
        int end = _length + HandshakeFragment.HeaderLength + body.Length;
        if (end > _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Max(end, _buffer.Length * 2));
        }

        HandshakeFragment.WriteHeader(_buffer.AsSpan(_length), type, body.Length, sequence, 0, body.Length);
        body.CopyTo(_buffer.AsSpan(_length + HandshakeFragment.HeaderLength));
        _length = end;
    }

    public int ComputeHash(HashAlgorithmName hash, Span<byte> destination) =>
        hash == HashAlgorithmName.SHA384 ? SHA384.HashData(Messages, destination) : SHA256.HashData(Messages, destination);
}
