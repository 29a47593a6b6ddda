namespace Mcu.Dtls.Records;

/// <summary>Alert descriptions of TLS 1.2 (RFC 5246 section 7.2, RFC 5746, RFC 5764).</summary>
internal enum AlertDescription : byte
{
    CloseNotify = 0,
    UnexpectedMessage = 10,
    BadRecordMac = 20,
    RecordOverflow = 22,
    HandshakeFailure = 40,
    BadCertificate = 42,
    UnsupportedCertificate = 43,
    CertificateRevoked = 44,
    CertificateExpired = 45,
    CertificateUnknown = 46,
    IllegalParameter = 47,
    UnknownCa = 48,
    AccessDenied = 49,
    DecodeError = 50,
    DecryptError = 51,
    ProtocolVersion = 70,
    InsufficientSecurity = 71,
    InternalError = 80,
    UserCanceled = 90,
    NoRenegotiation = 100,
    UnsupportedExtension = 110,
}

/// <summary>The RFC spelling of alert descriptions, for failure reasons a person can search for.</summary>
internal static class AlertDescriptionNames
{
    public static string GetName(this AlertDescription description) => description switch
    {
        AlertDescription.CloseNotify => "close_notify",
        AlertDescription.UnexpectedMessage => "unexpected_message",
        AlertDescription.BadRecordMac => "bad_record_mac",
        AlertDescription.RecordOverflow => "record_overflow",
        AlertDescription.HandshakeFailure => "handshake_failure",
        AlertDescription.BadCertificate => "bad_certificate",
        AlertDescription.UnsupportedCertificate => "unsupported_certificate",
        AlertDescription.CertificateRevoked => "certificate_revoked",
        AlertDescription.CertificateExpired => "certificate_expired",
        AlertDescription.CertificateUnknown => "certificate_unknown",
        AlertDescription.IllegalParameter => "illegal_parameter",
        AlertDescription.UnknownCa => "unknown_ca",
        AlertDescription.AccessDenied => "access_denied",
        AlertDescription.DecodeError => "decode_error",
        AlertDescription.DecryptError => "decrypt_error",
        AlertDescription.ProtocolVersion => "protocol_version",
        AlertDescription.InsufficientSecurity => "insufficient_security",
        AlertDescription.InternalError => "internal_error",
        AlertDescription.UserCanceled => "user_canceled",
        AlertDescription.NoRenegotiation => "no_renegotiation",
        AlertDescription.UnsupportedExtension => "unsupported_extension",
        _ => $"alert_{(byte)description}",
    };
}
