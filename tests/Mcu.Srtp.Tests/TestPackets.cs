using System.Buffers.Binary;

namespace Mcu.Srtp.Tests;

/// <summary>Builds plain RTP and RTCP packets, and keys, for the tests.</summary>
internal static class TestPackets
{
    public static readonly SrtpProfile[] AllProfiles =
    [
        SrtpProfile.Aes128CmHmacSha1Tag80,
        SrtpProfile.Aes128CmHmacSha1Tag32,
        SrtpProfile.AeadAes128Gcm,
        SrtpProfile.AeadAes256Gcm,
    ];

    public static TheoryData<SrtpProfile> Profiles()
    {
        var data = new TheoryData<SrtpProfile>();
        foreach (var profile in AllProfiles)
        {
            data.Add(profile);
        }
        return data;
    }

    public static SrtpMasterKey MasterKey(SrtpProfile profile, byte seed = 1)
    {
        var key = new byte[profile.GetMasterKeyLength()];
        var salt = new byte[profile.GetMasterSaltLength()];
        for (var i = 0; i < key.Length; i++)
        {
            key[i] = (byte)(seed * 31 + i);
        }
        for (var i = 0; i < salt.Length; i++)
        {
            salt[i] = (byte)(seed * 17 + 3 * i);
        }
        return new SrtpMasterKey(profile, key, salt);
    }

    /// <summary>An RTP packet (12-byte header, optional CSRCs and one-byte-header extension) followed by room for <paramref name="spare"/> bytes.</summary>
    public static byte[] Rtp(ushort sequenceNumber, uint ssrc, int payloadLength, int spare = 16, int csrcCount = 0, int extensionWords = 0)
    {
        var headerLength = 12 + 4 * csrcCount + (extensionWords > 0 ? 4 + 4 * extensionWords : 0);
        var packet = new byte[headerLength + payloadLength + spare];
        packet[0] = (byte)(0x80 | (extensionWords > 0 ? 0x10 : 0) | csrcCount);
        packet[1] = 96;
        BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(2), sequenceNumber);
        BinaryPrimitives.WriteUInt32BigEndian(packet.AsSpan(4), 0x1234_5678u + sequenceNumber);
        BinaryPrimitives.WriteUInt32BigEndian(packet.AsSpan(8), ssrc);
        var offset = 12;
        for (var i = 0; i < csrcCount; i++, offset += 4)
        {
            BinaryPrimitives.WriteUInt32BigEndian(packet.AsSpan(offset), 0xC000_0000u + (uint)i);
        }
        if (extensionWords > 0)
        {
            BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(offset), 0xBEDE);
            BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(offset + 2), (ushort)extensionWords);
            packet.AsSpan(offset + 4, 4 * extensionWords).Fill(0xEE);
            offset += 4 + 4 * extensionWords;
        }
        for (var i = 0; i < payloadLength; i++)
        {
            packet[offset + i] = (byte)(sequenceNumber + i);
        }
        return packet;
    }

    /// <summary>A receiver report from <paramref name="ssrc"/> with one report block, followed by room for <paramref name="spare"/> bytes.</summary>
    public static byte[] Rtcp(uint ssrc, int spare = 32)
    {
        const int length = 32;
        var packet = new byte[length + spare];
        packet[0] = 0x81;
        packet[1] = 201;
        BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(2), length / 4 - 1);
        BinaryPrimitives.WriteUInt32BigEndian(packet.AsSpan(4), ssrc);
        for (var i = 8; i < length; i++)
        {
            packet[i] = (byte)(i * 7);
        }
        return packet;
    }

    public const int RtcpLength = 32;
}
