using System.Net;
using System.Text;
using Mcu.Stun.Ice;

namespace Mcu.Stun.Tests.Ice;

/// <summary>Builds the Binding requests a browser would send to us, with knobs to break them.</summary>
internal static class TestChecks
{
    public static byte[] Request(
        string username,
        string password,
        bool useCandidate = false,
        bool controlled = false,
        bool fingerprint = true,
        ushort extraAttribute = 0,
        ulong tieBreaker = 0x1122334455667788,
        uint priority = 1853824767,
        StunTransactionId? transactionId = null)
    {
        var buffer = new byte[600];
        var writer = new StunMessageWriter(buffer, StunMethod.Binding, StunMessageClass.Request, transactionId ?? StunTransactionId.CreateRandom());
        writer.AddUsername(Encoding.ASCII.GetBytes(username));
        writer.AddPriority(priority);
        if (controlled)
        {
            writer.AddIceControlled(tieBreaker);
        }
        else
        {
            writer.AddIceControlling(tieBreaker);
        }
        if (useCandidate)
        {
            writer.AddUseCandidate();
        }
        if (extraAttribute != 0)
        {
            writer.AddAttribute((StunAttributeType)extraAttribute, [0, 0, 0, 0]);
        }
        writer.AddMessageIntegrity(Encoding.ASCII.GetBytes(password));
        if (fingerprint)
        {
            writer.AddFingerprint();
        }
        Assert.True(writer.TryComplete(out var length));
        return buffer[..length];
    }

    /// <summary>A check from the peer to <paramref name="agent"/>: "localUfrag:remoteUfrag" with our password.</summary>
    public static byte[] To(IceCredentials agent, IceCredentials peer, bool useCandidate = false) =>
        Request($"{agent.Ufrag}:{peer.Ufrag}", agent.Password, useCandidate);

    public static IPEndPoint EndPoint(string text) => IPEndPoint.Parse(text);
}
