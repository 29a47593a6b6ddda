namespace Mcu.Dtls.Tests.Support;

/// <summary>Our client and our server, each told the other's fingerprint as signaling would.</summary>
internal sealed class EndpointPair : IDisposable
{
    public EndpointPair(DtlsOptions? clientOptions = null, DtlsOptions? serverOptions = null, bool exchangeFingerprints = true)
    {
        Client = new DtlsEndpoint(DtlsRole.Client, TestCertificates.Client, clientOptions);
        Server = new DtlsEndpoint(DtlsRole.Server, TestCertificates.Server, serverOptions);
        if (exchangeFingerprints)
        {
            Client.SetRemoteFingerprint(TestCertificates.Server.Fingerprint);
            Server.SetRemoteFingerprint(TestCertificates.Client.Fingerprint);
        }
    }

    public DtlsEndpoint Client { get; }

    public DtlsEndpoint Server { get; }

    public bool Run(VirtualNetwork network, TimeSpan limit, Func<bool>? until = null) => network.Run(Client, Server, limit, until);

    public void Dispose()
    {
        Client.Dispose();
        Server.Dispose();
    }
}
