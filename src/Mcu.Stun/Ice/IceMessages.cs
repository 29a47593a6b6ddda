using System.Net;

namespace Mcu.Stun.Ice;

/// <summary>Builds the Binding requests and responses ICE sends, each authenticated and fingerprinted.</summary>
internal static class IceMessages
{
    /// <summary>At most this many types go into UNKNOWN-ATTRIBUTES, which bounds the 420 size.</summary>
    public const int MaxReportedUnknownAttributes = 16;

    /// <summary>Room for the largest response built here (a 420 with 16 unknown types is 116 bytes).</summary>
    public const int MaxResponseLength = 128;

    /// <summary>Room for the largest request: a 513-byte USERNAME plus the ICE attributes is 596 bytes.</summary>
    public const int MaxRequestLength = 600;

    /// <summary>
    /// Success response (RFC 8445 section 7.3.1.1 / RFC 8489 section 6.3.1.1): XOR-MAPPED-ADDRESS
    /// is the request's source, integrity is keyed with our own password.
    /// </summary>
    public static int WriteSuccessResponse(Span<byte> buffer, StunTransactionId transactionId, IPEndPoint source, byte[] key)
    {
        var writer = new StunMessageWriter(buffer, StunMethod.Binding, StunMessageClass.SuccessResponse, transactionId);
        writer.AddXorMappedAddress(source);
        return Finish(ref writer, key);
    }

    /// <summary>Error response; UNKNOWN-ATTRIBUTES is added when <paramref name="unknownAttributes"/> is not empty.</summary>
    public static int WriteErrorResponse(Span<byte> buffer, StunTransactionId transactionId, int code, ReadOnlySpan<ushort> unknownAttributes, byte[] key)
    {
        var writer = new StunMessageWriter(buffer, StunMethod.Binding, StunMessageClass.ErrorResponse, transactionId);
        writer.AddErrorCode(code, StunErrorCodes.GetReason(code));
        if (!unknownAttributes.IsEmpty)
        {
            writer.AddUnknownAttributes(unknownAttributes);
        }
        return Finish(ref writer, key);
    }

    /// <summary>
    /// A connectivity or consent check (RFC 8445 section 7.2.2, RFC 7675 section 5.1):
    /// USERNAME "remote:local", PRIORITY, the role attribute, optionally USE-CANDIDATE, and
    /// integrity keyed with the remote password.
    /// </summary>
    public static int WriteRequest(Span<byte> buffer, in CheckRequest request)
    {
        var writer = new StunMessageWriter(buffer, StunMethod.Binding, StunMessageClass.Request, request.TransactionId);
        writer.AddUsername(request.Username);
        writer.AddPriority(request.Priority);
        if (request.Role == IceRole.Controlling)
        {
            writer.AddIceControlling(request.TieBreaker);
        }
        else
        {
            writer.AddIceControlled(request.TieBreaker);
        }
        if (request.UseCandidate)
        {
            writer.AddUseCandidate();
        }
        return Finish(ref writer, request.Key);
    }

    private static int Finish(ref StunMessageWriter writer, byte[] key)
    {
        writer.AddMessageIntegrity(key);
        writer.AddFingerprint();
        return writer.TryComplete(out var length) ? length : 0;
    }
}
