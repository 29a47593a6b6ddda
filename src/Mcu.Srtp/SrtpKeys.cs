namespace Mcu.Srtp;

/// <summary>The local (sending) and remote (receiving) master keys of one DTLS-SRTP association.</summary>
public sealed class SrtpKeys
{
    /// <summary>The TLS exporter label that yields the keying material (RFC 5764 4.2).</summary>
    public const string ExporterLabel = "EXTRACTOR-dtls_srtp";

    /// <summary>Pairs two master keys of the same profile.</summary>
    public SrtpKeys(SrtpMasterKey local, SrtpMasterKey remote)
    {
        ArgumentNullException.ThrowIfNull(local);
        ArgumentNullException.ThrowIfNull(remote);
        if (local.Profile != remote.Profile)
        {
            throw new ArgumentException("Local and remote keys must share one protection profile.", nameof(remote));
        }
        Local = local;
        Remote = remote;
    }

    /// <summary>Keys this side protects with.</summary>
    public SrtpMasterKey Local { get; }

    /// <summary>Keys the peer protects with, used to unprotect what it sends.</summary>
    public SrtpMasterKey Remote { get; }

    /// <summary>The protection profile both keys are for.</summary>
    public SrtpProfile Profile => Local.Profile;

    /// <summary>How many bytes to export for <paramref name="profile"/>: 2 * (key length + salt length).</summary>
    public static int GetExportLength(SrtpProfile profile) =>
        2 * (profile.GetMasterKeyLength() + profile.GetMasterSaltLength());

    /// <summary>Splits exported keying material into local and remote keys (RFC 5764 4.2).</summary>
    /// <param name="profile">The negotiated protection profile.</param>
    /// <param name="keyingMaterial">Exactly <see cref="GetExportLength"/> bytes from the exporter.</param>
    /// <param name="isDtlsClient">Whether this side was the DTLS client, which sends with the client_write keys.</param>
    public static SrtpKeys FromDtlsExport(SrtpProfile profile, ReadOnlySpan<byte> keyingMaterial, bool isDtlsClient)
    {
        var expected = GetExportLength(profile);
        if (keyingMaterial.Length != expected)
        {
            ThrowHelper.ThrowWrongLength("Keying material", expected, keyingMaterial.Length, nameof(keyingMaterial));
        }
        // Layout: client_write_key | server_write_key | client_write_salt | server_write_salt.
        var keyLength = profile.GetMasterKeyLength();
        var saltLength = profile.GetMasterSaltLength();
        var client = new SrtpMasterKey(
            profile,
            keyingMaterial[..keyLength],
            keyingMaterial.Slice(2 * keyLength, saltLength));
        var server = new SrtpMasterKey(
            profile,
            keyingMaterial.Slice(keyLength, keyLength),
            keyingMaterial.Slice(2 * keyLength + saltLength, saltLength));
        return isDtlsClient ? new SrtpKeys(client, server) : new SrtpKeys(server, client);
    }
}
