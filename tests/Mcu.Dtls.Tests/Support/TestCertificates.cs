namespace Mcu.Dtls.Tests.Support;

/// <summary>Certificates generated once per test run: a key pair and a signature each, shared by the tests.</summary>
internal static class TestCertificates
{
    public static DtlsCertificate Client { get; } = DtlsCertificate.Generate(DateTimeOffset.UtcNow);

    public static DtlsCertificate Server { get; } = DtlsCertificate.Generate(DateTimeOffset.UtcNow);

    public static DtlsCertificate Stranger { get; } = DtlsCertificate.Generate(DateTimeOffset.UtcNow);
}
