namespace Mcu.Dtls.Records;

/// <summary>Record content types (RFC 5246 section 6.2.1).</summary>
internal enum ContentType : byte
{
    ChangeCipherSpec = 20,
    Alert = 21,
    Handshake = 22,
    ApplicationData = 23,
}
