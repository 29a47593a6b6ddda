using System.Security.Cryptography;

namespace Mcu.Dtls.Tests.Support;

/// <summary>A certificate and key made by `openssl req` in a temporary directory, and the SHA-256 fingerprint of the certificate.</summary>
internal sealed class OpenSslCredentials
{
    private OpenSslCredentials(string certificatePath, string keyPath, DtlsFingerprint fingerprint)
    {
        CertificatePath = certificatePath;
        KeyPath = keyPath;
        Fingerprint = fingerprint;
    }

    public string CertificatePath { get; }

    public string KeyPath { get; }

    public DtlsFingerprint Fingerprint { get; }

    /// <summary>Creates a self-signed certificate; <paramref name="keyOptions"/> are the -newkey/-pkeyopt arguments.</summary>
    public static OpenSslCredentials Create(string directory, string name, params string[] keyOptions)
    {
        string certificate = Path.Combine(directory, name + ".crt");
        string key = Path.Combine(directory, name + ".key");
        OpenSslProcess.Run(
            TimeSpan.FromSeconds(30),
            ["req", "-x509", .. keyOptions, "-nodes", "-keyout", key, "-out", certificate, "-subj", "/CN=openssl-" + name, "-days", "2"]);
        string pem = File.ReadAllText(certificate);
        PemFields fields = PemEncoding.Find(pem);
        byte[] der = Convert.FromBase64String(pem[fields.Base64Data]);
        return new OpenSslCredentials(certificate, key, DtlsFingerprint.Compute("sha-256", der));
    }
}
