namespace Mcu.Srtp;

/// <summary>Both directions of one DTLS-SRTP association: an outbound context keyed with the local keys, an inbound one with the remote keys.</summary>
public sealed class SrtpSession : IDisposable
{
    /// <summary>Creates both contexts with the same limits.</summary>
    public SrtpSession(SrtpKeys keys, SrtpContextOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(keys);
        Outbound = new SrtpContext(keys.Local, options);
        Inbound = new SrtpContext(keys.Remote, options);
    }

    /// <summary>Protects what this side sends.</summary>
    public SrtpContext Outbound { get; }

    /// <summary>Unprotects what the peer sends.</summary>
    public SrtpContext Inbound { get; }

    /// <inheritdoc cref="SrtpContext.ProtectRtp"/>
    public SrtpResult ProtectRtp(Span<byte> buffer, int length, out int protectedLength) =>
        Outbound.ProtectRtp(buffer, length, out protectedLength);

    /// <inheritdoc cref="SrtpContext.ProtectRtcp"/>
    public SrtpResult ProtectRtcp(Span<byte> buffer, int length, out int protectedLength) =>
        Outbound.ProtectRtcp(buffer, length, out protectedLength);

    /// <inheritdoc cref="SrtpContext.UnprotectRtp"/>
    public SrtpResult UnprotectRtp(Span<byte> packet, out int length) =>
        Inbound.UnprotectRtp(packet, out length);

    /// <inheritdoc cref="SrtpContext.UnprotectRtcp"/>
    public SrtpResult UnprotectRtcp(Span<byte> packet, out int length) =>
        Inbound.UnprotectRtcp(packet, out length);

    /// <summary>Releases both contexts.</summary>
    public void Dispose()
    {
        Outbound.Dispose();
        Inbound.Dispose();
    }
}
