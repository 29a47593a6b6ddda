namespace Mcu.Srtp;

/// <summary>Guessing a packet's 48-bit SRTP index (ROC * 2^16 + SEQ) from its 16-bit sequence number.</summary>
internal static class SrtpPacketIndex
{
    /// <summary>The index closest to <paramref name="highest"/> with <paramref name="sequenceNumber"/> in its low 16 bits, or -1 if that would precede index 0.</summary>
    /// <remarks>RFC 3711 3.3.1 and appendix A: s_l and ROC are the highest index so far; a sequence
    /// number more than half the space away is taken to belong to the neighbouring ROC.</remarks>
    public static long Estimate(ulong highest, ushort sequenceNumber)
    {
        long roc = (long)(highest >> 16);
        int highestSequence = (ushort)highest;
        long guess;
        if (highestSequence < 32768)
        {
            guess = sequenceNumber - highestSequence > 32768 ? roc - 1 : roc;
        }
        else
        {
            guess = highestSequence - 32768 > sequenceNumber ? roc + 1 : roc;
        }
        return guess < 0 ? -1 : (guess << 16) | sequenceNumber;
    }
}
