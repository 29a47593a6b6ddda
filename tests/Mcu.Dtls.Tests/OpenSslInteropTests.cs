using Mcu.Srtp;
using System.Buffers.Binary;
using System.Net;
using System.Text.RegularExpressions;
using Mcu.Dtls.Messages;
using Mcu.Dtls.Tests.Support;

namespace Mcu.Dtls.Tests;

/// <summary>Certificates made once by `openssl req` for the interop tests.</summary>
public sealed class OpenSslFixture : IDisposable
{
    public OpenSslFixture()
    {
        Directory.CreateDirectory(WorkDirectory);
        EcdsaP256 = OpenSslCredentials.Create(WorkDirectory, "p256", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1");
        EcdsaP384 = OpenSslCredentials.Create(WorkDirectory, "p384", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:secp384r1");
        Rsa = OpenSslCredentials.Create(WorkDirectory, "rsa", "-newkey", "rsa:2048");
    }

    internal string WorkDirectory { get; } = Path.Combine(Path.GetTempPath(), "mcu-dtls-tests-" + Guid.NewGuid().ToString("N"));

    internal OpenSslCredentials EcdsaP256 { get; }

    internal OpenSslCredentials EcdsaP384 { get; }

    internal OpenSslCredentials Rsa { get; }

    internal OpenSslCredentials Get(string name) => name switch
    {
        "p384" => EcdsaP384,
        "rsa" => Rsa,
        _ => EcdsaP256,
    };

    public void Dispose() => Directory.Delete(WorkDirectory, recursive: true);
}

/// <summary>
/// Handshakes against OpenSSL's command line, an independent implementation, over real UDP on 127.0.0.1: the
/// profile and the exported DTLS-SRTP keying material must agree byte for byte.
/// </summary>
public sealed partial class OpenSslInteropTests : IClassFixture<OpenSslFixture>
{
    private static readonly TimeSpan HandshakeTimeout = TimeSpan.FromSeconds(8);
    private readonly OpenSslFixture _fixture;

    public OpenSslInteropTests(OpenSslFixture fixture) => _fixture = fixture;

    [Theory]
    [InlineData("p256", "SRTP_AEAD_AES_128_GCM:SRTP_AES128_CM_SHA1_80", SrtpProfile.AeadAes128Gcm, 0xC02B, "", 1200, SignatureSchemes.EcdsaP256Sha256)]
    [InlineData("p256", "SRTP_AES128_CM_SHA1_80", SrtpProfile.Aes128CmHmacSha1Tag80, 0xC02B, "-groups P-256", 1200, SignatureSchemes.EcdsaP256Sha256)]
    [InlineData("p256", "SRTP_AEAD_AES_128_GCM", SrtpProfile.AeadAes128Gcm, 0xC02C, "-cipher ECDHE-ECDSA-AES256-GCM-SHA384", 1200, SignatureSchemes.EcdsaP256Sha256)]
    [InlineData("p384", "SRTP_AEAD_AES_128_GCM", SrtpProfile.AeadAes128Gcm, 0xC02B, "-client_sigalgs ECDSA+SHA384", 1200, SignatureSchemes.EcdsaP384Sha384)]
    [InlineData("rsa", "SRTP_AEAD_AES_128_GCM", SrtpProfile.AeadAes128Gcm, 0xC02B, "", 1200, SignatureSchemes.RsaPssSha256)]
    [InlineData("rsa", "SRTP_AEAD_AES_128_GCM", SrtpProfile.AeadAes128Gcm, 0xC02B, "-client_sigalgs RSA+SHA256", 1200, SignatureSchemes.RsaPkcs1Sha256)]
    [InlineData("p256", "SRTP_AEAD_AES_128_GCM:SRTP_AES128_CM_SHA1_80", SrtpProfile.AeadAes128Gcm, 0xC02B, "-mtu 300", 300, SignatureSchemes.EcdsaP256Sha256)]
    public void OpenSsl_client_and_our_server_agree_on_the_SRTP_keys(
        string credentials, string offeredProfiles, SrtpProfile expectedProfile, int expectedSuite, string extraArguments, int mtu, int expectedClientSignature)
    {
        OpenSslCredentials client = _fixture.Get(credentials);
        int keyingLength = SrtpKeys.GetExportLength(expectedProfile);
        using var driver = new UdpDriver();
        using var server = new DtlsEndpoint(DtlsRole.Server, TestCertificates.Server, new DtlsOptions { Mtu = mtu });
        server.SetRemoteFingerprint(client.Fingerprint);
        using OpenSslProcess openssl = OpenSslProcess.Start(
        [
            "s_client", "-dtls1_2", "-connect", $"127.0.0.1:{driver.LocalPort}",
            "-use_srtp", offeredProfiles, "-keymatexport", "EXTRACTOR-dtls_srtp", "-keymatexportlen", keyingLength.ToString(),
            "-cert", client.CertificatePath, "-key", client.KeyPath,
            .. extraArguments.Split(' ', StringSplitOptions.RemoveEmptyEntries),
        ]);

        bool settled = driver.Pump(server, () => server.State != DtlsState.Handshaking && openssl.Output.Contains("Keying material: ", StringComparison.Ordinal), HandshakeTimeout);

        string context = $"server {server.State}: {server.FailureReason}\nopenssl output:\n{openssl.Output}";
        Assert.True(settled, "handshake did not settle in time; " + context);
        Assert.Equal(DtlsState.Connected, server.State);
        Assert.Equal(expectedProfile, server.SrtpProfile);
        Assert.Equal(expectedSuite, server.CipherSuite);
        Assert.True(server.UsesExtendedMasterSecret, "OpenSSL offers extended_master_secret; " + context);
        Assert.Contains($"SRTP Extension negotiated, profile={OpenSslProfileName(expectedProfile)}", openssl.Output, StringComparison.Ordinal);
        Assert.Equal(Convert.ToHexString(server.GetSrtpKeyingMaterial()), ExportedKeyingMaterial(openssl.Output));

        List<CapturedRecords.Fragment> fragments = CapturedRecords.HandshakeFragments(driver.Received);
        CapturedRecords.Fragment verify = fragments.First(f => f.Type == HandshakeType.CertificateVerify && f.Offset == 0);
        Assert.Equal(expectedClientSignature, BinaryPrimitives.ReadUInt16BigEndian(verify.Data));
        if (mtu < 1200)
        {
            Assert.True(fragments.Count(f => f.Type == HandshakeType.Certificate) > 1, "OpenSSL was expected to fragment its Certificate");
        }

        // s_client ends at stdin EOF with close_notify; we answer and close.
        openssl.CloseInput();
        Assert.True(driver.Pump(server, () => server.State == DtlsState.Closed, HandshakeTimeout), $"no close_notify: {context}");
    }

    [Theory]
    [InlineData("SRTP_AEAD_AES_128_GCM:SRTP_AES128_CM_SHA1_80", SrtpProfile.AeadAes128Gcm, 0xC02B, "", 1200)]
    [InlineData("SRTP_AES128_CM_SHA1_80", SrtpProfile.Aes128CmHmacSha1Tag80, 0xC02B, "-groups P-256", 1200)]
    [InlineData("SRTP_AEAD_AES_128_GCM:SRTP_AES128_CM_SHA1_80", SrtpProfile.AeadAes128Gcm, 0xC02C, "-cipher ECDHE-ECDSA-AES256-GCM-SHA384", 1200)]
    [InlineData("SRTP_AEAD_AES_128_GCM:SRTP_AES128_CM_SHA1_80", SrtpProfile.AeadAes128Gcm, 0xC02B, "-mtu 300", 300)]
    public void Our_client_and_OpenSsl_server_agree_on_the_SRTP_keys(string serverProfiles, SrtpProfile expectedProfile, int expectedSuite, string extraArguments, int mtu)
    {
        OpenSslCredentials serverCredentials = _fixture.EcdsaP256;
        int keyingLength = SrtpKeys.GetExportLength(expectedProfile);
        int port = UdpDriver.FindFreePort();
        using OpenSslProcess openssl = OpenSslProcess.Start(
        [
            "s_server", "-dtls1_2", "-accept", $"127.0.0.1:{port}", "-naccept", "1",
            "-cert", serverCredentials.CertificatePath, "-key", serverCredentials.KeyPath, "-Verify", "1",
            "-use_srtp", serverProfiles, "-keymatexport", "EXTRACTOR-dtls_srtp", "-keymatexportlen", keyingLength.ToString(),
            .. extraArguments.Split(' ', StringSplitOptions.RemoveEmptyEntries),
        ]);
        Assert.True(openssl.WaitForOutput("ACCEPT", HandshakeTimeout), "s_server did not start:\n" + openssl.Output);

        using var driver = new UdpDriver { Remote = new IPEndPoint(IPAddress.Loopback, port) };
        using var client = new DtlsEndpoint(DtlsRole.Client, TestCertificates.Client, new DtlsOptions { Mtu = mtu });
        client.SetRemoteFingerprint(serverCredentials.Fingerprint);
        client.Start(driver.Now);
        bool settled = driver.Pump(client, () => client.State != DtlsState.Handshaking && openssl.Output.Contains("Keying material: ", StringComparison.Ordinal), HandshakeTimeout);

        string context = $"client {client.State}: {client.FailureReason}\nopenssl output:\n{openssl.Output}";
        Assert.True(settled, "handshake did not settle in time; " + context);
        Assert.Equal(DtlsState.Connected, client.State);
        Assert.Equal(expectedProfile, client.SrtpProfile);
        Assert.Equal(expectedSuite, client.CipherSuite);
        Assert.True(client.UsesExtendedMasterSecret);
        Assert.Contains($"SRTP Extension negotiated, profile={OpenSslProfileName(expectedProfile)}", openssl.Output, StringComparison.Ordinal);
        Assert.Equal(Convert.ToHexString(client.GetSrtpKeyingMaterial()), ExportedKeyingMaterial(openssl.Output));

        // s_server always runs the cookie exchange, so our client answered a HelloVerifyRequest.
        Assert.Contains(CapturedRecords.HandshakeFragments(driver.Received), f => f.Type == HandshakeType.HelloVerifyRequest);

        // Our close_notify ends s_server's only connection (-naccept 1), so it exits.
        client.Close();
        driver.Flush(client);
        Assert.True(openssl.WaitForExit(HandshakeTimeout), "s_server did not take our close_notify:\n" + openssl.Output);
    }

    [Fact]
    public void OpenSsl_client_data_is_dropped_and_its_renegotiation_refused()
    {
        OpenSslCredentials client = _fixture.EcdsaP256;
        using var driver = new UdpDriver();
        using var server = new DtlsEndpoint(DtlsRole.Server, TestCertificates.Server);
        server.SetRemoteFingerprint(client.Fingerprint);
        using OpenSslProcess openssl = OpenSslProcess.Start(
        [
            "s_client", "-dtls1_2", "-connect", $"127.0.0.1:{driver.LocalPort}", "-use_srtp", "SRTP_AEAD_AES_128_GCM",
            "-cert", client.CertificatePath, "-key", client.KeyPath,
        ]);
        Assert.True(
            driver.Pump(server, () => server.State == DtlsState.Connected && openssl.Output.Contains("Verify return code", StringComparison.Ordinal), HandshakeTimeout),
            $"server {server.State}: {server.FailureReason}\n{openssl.Output}");

        AssertDataDroppedAndRenegotiationRefused(server, driver, openssl);
    }

    [Fact]
    public void OpenSsl_server_data_is_dropped_and_its_renegotiation_refused()
    {
        OpenSslCredentials serverCredentials = _fixture.EcdsaP256;
        int port = UdpDriver.FindFreePort();
        using OpenSslProcess openssl = OpenSslProcess.Start(
        [
            "s_server", "-dtls1_2", "-accept", $"127.0.0.1:{port}", "-naccept", "1", "-Verify", "1",
            "-cert", serverCredentials.CertificatePath, "-key", serverCredentials.KeyPath, "-use_srtp", "SRTP_AEAD_AES_128_GCM",
        ]);
        Assert.True(openssl.WaitForOutput("ACCEPT", HandshakeTimeout), "s_server did not start:\n" + openssl.Output);
        using var driver = new UdpDriver { Remote = new IPEndPoint(IPAddress.Loopback, port) };
        using var client = new DtlsEndpoint(DtlsRole.Client, TestCertificates.Client);
        client.SetRemoteFingerprint(serverCredentials.Fingerprint);
        client.Start(driver.Now);
        Assert.True(
            driver.Pump(client, () => client.State == DtlsState.Connected && openssl.Output.Contains("CIPHER is", StringComparison.Ordinal), HandshakeTimeout),
            $"client {client.State}: {client.FailureReason}\n{openssl.Output}");

        AssertDataDroppedAndRenegotiationRefused(client, driver, openssl);
    }

    /// <summary>
    /// A typed line reaches us as application data, which we drop; "R" starts a renegotiation, which we refuse with an
    /// encrypted no_renegotiation warning instead of starting a second handshake. OpenSSL then chooses to abort.
    /// </summary>
    private static void AssertDataDroppedAndRenegotiationRefused(DtlsEndpoint endpoint, UdpDriver driver, OpenSslProcess openssl)
    {
        openssl.WriteLine("hello");
        Assert.True(driver.Pump(endpoint, () => endpoint.Counters.ApplicationDataRecords == 1, HandshakeTimeout), "no application data arrived");
        Assert.Equal(DtlsState.Connected, endpoint.State);

        openssl.WriteLine("R");
        bool refused = driver.Pump(endpoint, () => openssl.Output.Contains("no renegotiation", StringComparison.Ordinal), HandshakeTimeout);

        Assert.True(refused, $"OpenSSL did not see our no_renegotiation; {endpoint.State}: {endpoint.FailureReason}\n{openssl.Output}");
        Assert.Equal(1, endpoint.Counters.RenegotiationAttempts);
        Assert.NotEqual(DtlsState.Handshaking, endpoint.State);
        Assert.Equal(1, endpoint.Counters.ApplicationDataRecords);
    }

    private static string OpenSslProfileName(SrtpProfile profile) => profile == SrtpProfile.AeadAes128Gcm ? "SRTP_AEAD_AES_128_GCM" : "SRTP_AES128_CM_SHA1_80";

    private static string ExportedKeyingMaterial(string output)
    {
        Match match = KeyingMaterialLine().Match(output);
        Assert.True(match.Success, "OpenSSL printed no keying material:\n" + output);
        return match.Groups[1].Value;
    }

    [GeneratedRegex("Keying material: ([0-9A-F]+)")]
    private static partial Regex KeyingMaterialLine();

    /// <summary>SignatureAndHashAlgorithm values as ints, for attribute arguments.</summary>
    private static class SignatureSchemes
    {
        public const int RsaPkcs1Sha256 = 0x0401;
        public const int EcdsaP256Sha256 = 0x0403;
        public const int EcdsaP384Sha384 = 0x0503;
        public const int RsaPssSha256 = 0x0804;
    }
}
