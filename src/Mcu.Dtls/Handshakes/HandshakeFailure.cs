using Mcu.Dtls.Records;

namespace Mcu.Dtls.Handshakes;

/// <summary>Why a handshake stopped: the fatal alert to send and a reason a person can act on.</summary>
internal readonly record struct HandshakeFailure(AlertDescription Alert, string Reason);
