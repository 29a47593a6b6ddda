namespace Mcu.Stun.Ice;

/// <summary>
/// The checks every ICE agent applies to an incoming Binding request before answering it
/// (RFC 8445 section 7.3, RFC 8489 sections 6.3 and 9.1.3). Failures are silent drops: an
/// unauthenticated request never gets a response, so the port cannot be used as a reflector.
/// </summary>
internal static class IceRequestValidator
{
    /// <summary>
    /// <see cref="IceResult.Answered"/> when the request may be answered; otherwise why it is
    /// dropped (<see cref="IceResult.Ignored"/> for anything but a Binding request).
    /// <paramref name="remoteUfrag"/> is empty while the peer's fragment is unknown.
    /// </summary>
    public static IceResult Validate(in StunMessageReader request, IceCredentials local, ReadOnlySpan<byte> remoteUfrag)
    {
        if (request.MessageType != StunMessageType.BindingRequest)
        {
            return IceResult.Ignored;
        }
        if (request.HasFingerprint && !request.VerifyFingerprint())
        {
            return IceResult.BadFingerprint;
        }
        if (!request.TryGetUsername(out var username)
            || !IceUsername.TrySplit(username, out var receiver, out var sender)
            || !receiver.SequenceEqual(local.UfragBytes)
            || (!remoteUfrag.IsEmpty && !sender.SequenceEqual(remoteUfrag)))
        {
            return IceResult.UnknownUser;
        }
        return request.VerifyMessageIntegrity(local.Key) ? IceResult.Answered : IceResult.BadIntegrity;
    }
}
