using BenchmarkDotNet.Attributes;
using Mcu.Dtls;

namespace Mcu.Benchmarks.Transport;

/// <summary>
/// CPU of one complete DTLS-SRTP handshake, both sides in one thread through an in-memory pipe
/// (ECDHE X25519, ECDSA P-256 certificates, mutual authentication, key export): what a join
/// costs the server is about half of it.
/// </summary>
[MemoryDiagnoser]
public class DtlsHandshakeBenchmarks
{
    private readonly byte[] _datagram = new byte[1500];
    private DtlsCertificate _serverCertificate = null!;
    private DtlsCertificate _clientCertificate = null!;

    [GlobalSetup]
    public void Setup()
    {
        _serverCertificate = DtlsCertificate.Generate(DateTimeOffset.UtcNow);
        _clientCertificate = DtlsCertificate.Generate(DateTimeOffset.UtcNow);
    }

    [Benchmark]
    public int FullHandshakeBothSides()
    {
        using var client = new DtlsEndpoint(DtlsRole.Client, _clientCertificate);
        using var server = new DtlsEndpoint(DtlsRole.Server, _serverCertificate);
        client.SetRemoteFingerprint(_serverCertificate.Fingerprint.Algorithm, _serverCertificate.Fingerprint.Value);
        server.SetRemoteFingerprint(_clientCertificate.Fingerprint.Algorithm, _clientCertificate.Fingerprint.Value);
        var now = TimeSpan.Zero;
        client.Start(now);
        server.Start(now);
        var exchanged = 0;
        while (client.State != DtlsState.Connected || server.State != DtlsState.Connected)
        {
            var moved = Pump(client, server, now) + Pump(server, client, now);
            if (moved == 0)
            {
                throw new InvalidOperationException($"handshake stalled: client {client.State} {client.FailureReason}, server {server.State} {server.FailureReason}");
            }
            exchanged += moved;
        }
        return exchanged;
    }

    private int Pump(DtlsEndpoint from, DtlsEndpoint to, TimeSpan now)
    {
        var count = 0;
        while (from.TryPollDatagram(_datagram, out var length))
        {
            to.HandleDatagram(now, _datagram.AsSpan(0, length));
            count++;
        }
        return count;
    }
}
