using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Mcu.Srtp.Tests;

public class SrtpContextTests
{
    private const uint Ssrc = 0xCAFEBABE;

    private static (SrtpContext Sender, SrtpContext Receiver) Pair(SrtpProfile profile, SrtpContextOptions? options = null)
    {
        var key = TestPackets.MasterKey(profile);
        return (new SrtpContext(key, options), new SrtpContext(key, options));
    }

    private static byte[] ProtectRtp(SrtpContext sender, ushort sequenceNumber, uint ssrc = Ssrc, int payloadLength = 40)
    {
        var buffer = TestPackets.Rtp(sequenceNumber, ssrc, payloadLength, spare: sender.RtpOverhead);
        Assert.Equal(SrtpResult.Ok, sender.ProtectRtp(buffer, buffer.Length - sender.RtpOverhead, out var length));
        Assert.Equal(buffer.Length, length);
        return buffer;
    }

    private static byte[] ProtectRtcp(SrtpContext sender, uint ssrc = Ssrc)
    {
        var buffer = TestPackets.Rtcp(ssrc, spare: sender.RtcpOverhead);
        Assert.Equal(SrtpResult.Ok, sender.ProtectRtcp(buffer, TestPackets.RtcpLength, out var length));
        Assert.Equal(buffer.Length, length);
        return buffer;
    }

    // Unprotects a copy, so the caller's packet can be replayed or tampered with again.
    private static SrtpResult UnprotectRtp(SrtpContext receiver, byte[] packet) =>
        receiver.UnprotectRtp((byte[])packet.Clone(), out _);

    private static SrtpResult UnprotectRtcp(SrtpContext receiver, byte[] packet) =>
        receiver.UnprotectRtcp((byte[])packet.Clone(), out _);

    // libsrtp's reference packets (see AesCmHmacSha1CipherTests), here through the index bookkeeping:
    // the first packet of an SSRC has ROC 0, the second SRTCP packet index 1.
    private static SrtpMasterKey LibsrtpReferenceKey() => new(
        SrtpProfile.Aes128CmHmacSha1Tag80,
        Hex.Parse("e1f97a0d3e018be0d64fa32c06de4139"),
        Hex.Parse("0ec675ad498afeebb6960b3aabe6"));

    [Fact]
    public void Protecting_the_libsrtp_reference_packet_gives_its_published_srtp_bytes()
    {
        using var context = new SrtpContext(LibsrtpReferenceKey());
        var buffer = new byte[28 + 10];
        Hex.Parse("800f1234decafbadcafebabe abababababababababababababababab").CopyTo(buffer, 0);

        Assert.Equal(SrtpResult.Ok, context.ProtectRtp(buffer, 28, out var length));

        Assert.Equal(
            Hex.Parse("800f1234decafbadcafebabe 4e55dc4ce79978d88ca4d215949d2402 b78d6acc99ea179b8dbb"),
            buffer[..length]);
    }

    [Fact]
    public void The_second_srtcp_packet_has_index_1_and_matches_libsrtp()
    {
        // RFC 3711 3.4 starts the SRTCP index at 0; libsrtp's reference packet carries index 1.
        using var context = new SrtpContext(LibsrtpReferenceKey());
        var plain = Hex.Parse("81c8000bcafebabe abababababababababababababababab");
        var first = new byte[plain.Length + 14];
        var second = new byte[plain.Length + 14];
        plain.CopyTo(first, 0);
        plain.CopyTo(second, 0);

        Assert.Equal(SrtpResult.Ok, context.ProtectRtcp(first, plain.Length, out _));
        Assert.Equal(SrtpResult.Ok, context.ProtectRtcp(second, plain.Length, out _));

        Assert.Equal(Hex.Parse("80000000"), first[24..28]);
        Assert.Equal(
            Hex.Parse("81c8000bcafebabe 7128035be487b9bdbef89041f977a5a8 80000001 993e08cd54d6c1230798"),
            second);
    }

    [Theory]
    [MemberData(nameof(TestPackets.Profiles), MemberType = typeof(TestPackets))]
    public void Rtp_round_trips_for_every_payload_size_and_header_shape(SrtpProfile profile)
    {
        var (sender, receiver) = Pair(profile);
        using (sender)
        using (receiver)
        {
            ushort sequence = 100;
            foreach (var payloadLength in new[] { 0, 1, 15, 16, 17, 160, 1188, 3000 })
            {
                foreach (var (csrcs, extensionWords) in new[] { (0, 0), (2, 0), (0, 3), (15, 1) })
                {
                    var original = TestPackets.Rtp(sequence, Ssrc, payloadLength, sender.RtpOverhead, csrcs, extensionWords);
                    var plainLength = original.Length - sender.RtpOverhead;
                    var headerLength = plainLength - payloadLength;
                    var packet = (byte[])original.Clone();

                    Assert.Equal(SrtpResult.Ok, sender.ProtectRtp(packet, plainLength, out var protectedLength));
                    Assert.Equal(original.Length, protectedLength);
                    Assert.Equal(original[..headerLength], packet[..headerLength]);
                    if (payloadLength >= 16)
                    {
                        Assert.NotEqual(original[headerLength..plainLength], packet[headerLength..plainLength]);
                    }

                    Assert.Equal(SrtpResult.Ok, receiver.UnprotectRtp(packet, out var length));
                    Assert.Equal(plainLength, length);
                    Assert.Equal(original[..plainLength], packet[..plainLength]);
                    sequence++;
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(TestPackets.Profiles), MemberType = typeof(TestPackets))]
    public void Rtcp_round_trips_encrypted_with_an_increasing_index(SrtpProfile profile)
    {
        var (sender, receiver) = Pair(profile);
        using (sender)
        using (receiver)
        {
            var original = TestPackets.Rtcp(Ssrc, spare: 0);
            for (uint expectedIndex = 0; expectedIndex < 3; expectedIndex++)
            {
                var packet = ProtectRtcp(sender);
                var indexWord = profile.IsAead()
                    ? packet.AsSpan(packet.Length - 4)
                    : packet.AsSpan(packet.Length - 14);
                Assert.Equal(0x8000_0000u | expectedIndex, BinaryPrimitives.ReadUInt32BigEndian(indexWord));
                Assert.Equal(original[..8], packet[..8]);
                Assert.NotEqual(original[8..], packet[8..TestPackets.RtcpLength]);

                Assert.Equal(SrtpResult.Ok, receiver.UnprotectRtcp(packet, out var length));
                Assert.Equal(TestPackets.RtcpLength, length);
                Assert.Equal(original, packet[..length]);
            }
        }
    }

    [Theory]
    [MemberData(nameof(TestPackets.Profiles), MemberType = typeof(TestPackets))]
    public void Tampering_with_any_byte_fails_authentication(SrtpProfile profile)
    {
        var (sender, receiver) = Pair(profile);
        using (sender)
        using (receiver)
        {
            var rtp = ProtectRtp(sender, 7, payloadLength: 30);
            var rtcp = ProtectRtcp(sender);
            foreach (var (packet, unprotect) in new (byte[], Func<SrtpContext, byte[], SrtpResult>)[] { (rtp, UnprotectRtp), (rtcp, UnprotectRtcp) })
            {
                for (var i = 0; i < packet.Length; i++)
                {
                    var tampered = (byte[])packet.Clone();
                    tampered[i] ^= 0x01;
                    Assert.Equal(SrtpResult.AuthenticationFailed, unprotect(receiver, tampered));
                }
                Assert.Equal(SrtpResult.Ok, unprotect(receiver, packet));
            }
        }
    }

    [Theory]
    [MemberData(nameof(TestPackets.Profiles), MemberType = typeof(TestPackets))]
    public void Packets_under_another_key_fail_authentication(SrtpProfile profile)
    {
        using var sender = new SrtpContext(TestPackets.MasterKey(profile, seed: 1));
        using var receiver = new SrtpContext(TestPackets.MasterKey(profile, seed: 2));

        Assert.Equal(SrtpResult.AuthenticationFailed, UnprotectRtp(receiver, ProtectRtp(sender, 1)));
        Assert.Equal(SrtpResult.AuthenticationFailed, UnprotectRtcp(receiver, ProtectRtcp(sender)));
        Assert.Equal(0, receiver.SsrcCount);
    }

    [Theory]
    [MemberData(nameof(TestPackets.Profiles), MemberType = typeof(TestPackets))]
    public void A_replayed_packet_is_detected_for_rtp_and_rtcp(SrtpProfile profile)
    {
        var (sender, receiver) = Pair(profile);
        using (sender)
        using (receiver)
        {
            var rtp = ProtectRtp(sender, 500);
            var rtcp = ProtectRtcp(sender);

            Assert.Equal(SrtpResult.Ok, UnprotectRtp(receiver, rtp));
            Assert.Equal(SrtpResult.Ok, UnprotectRtcp(receiver, rtcp));
            Assert.Equal(SrtpResult.ReplayDetected, UnprotectRtp(receiver, rtp));
            Assert.Equal(SrtpResult.ReplayDetected, UnprotectRtcp(receiver, rtcp));

            var later = ProtectRtp(sender, 501);
            Assert.Equal(SrtpResult.Ok, UnprotectRtp(receiver, later));
            Assert.Equal(SrtpResult.ReplayDetected, UnprotectRtp(receiver, rtp));
        }
    }

    [Theory]
    [MemberData(nameof(TestPackets.Profiles), MemberType = typeof(TestPackets))]
    public void A_packet_older_than_the_window_is_rejected_one_inside_is_accepted(SrtpProfile profile)
    {
        var (sender, receiver) = Pair(profile, new SrtpContextOptions { ReplayWindowSize = 64 });
        using (sender)
        using (receiver)
        {
            var packets = new Dictionary<ushort, byte[]>();
            for (ushort sequence = 1000; sequence <= 1100; sequence++)
            {
                packets[sequence] = ProtectRtp(sender, sequence);
            }
            Assert.Equal(SrtpResult.Ok, UnprotectRtp(receiver, packets[1000]));
            Assert.Equal(SrtpResult.Ok, UnprotectRtp(receiver, packets[1100]));

            Assert.Equal(SrtpResult.TooOld, UnprotectRtp(receiver, packets[1036]));
            Assert.Equal(SrtpResult.Ok, UnprotectRtp(receiver, packets[1037]));
            Assert.Equal(SrtpResult.Ok, UnprotectRtp(receiver, packets[1099]));
        }
    }

    [Theory]
    [MemberData(nameof(TestPackets.Profiles), MemberType = typeof(TestPackets))]
    public void An_old_srtcp_index_is_rejected(SrtpProfile profile)
    {
        var (sender, receiver) = Pair(profile, new SrtpContextOptions { ReplayWindowSize = 64 });
        using (sender)
        using (receiver)
        {
            var packets = new List<byte[]>();
            for (var i = 0; i < 70; i++)
            {
                packets.Add(ProtectRtcp(sender));
            }
            Assert.Equal(SrtpResult.Ok, UnprotectRtcp(receiver, packets[69]));

            Assert.Equal(SrtpResult.TooOld, UnprotectRtcp(receiver, packets[5]));
            Assert.Equal(SrtpResult.Ok, UnprotectRtcp(receiver, packets[6]));
        }
    }

    [Theory]
    [MemberData(nameof(TestPackets.Profiles), MemberType = typeof(TestPackets))]
    public void A_sequence_wrap_increments_the_rollover_counter_on_both_sides(SrtpProfile profile)
    {
        var (sender, receiver) = Pair(profile);
        using (sender)
        using (receiver)
        {
            foreach (var sequence in new ushort[] { 65534, 65535, 0, 1, 2 })
            {
                Assert.Equal(SrtpResult.Ok, UnprotectRtp(receiver, ProtectRtp(sender, sequence)));
            }

            // Sequence 3 after the wrap is protected with ROC 1: a receiver that never saw the wrap
            // assumes ROC 0 and cannot authenticate it, and a sender without the wrap produces other bytes.
            var afterWrap = ProtectRtp(sender, 3);
            using var freshSender = new SrtpContext(TestPackets.MasterKey(profile));
            using var freshReceiver = new SrtpContext(TestPackets.MasterKey(profile));
            Assert.NotEqual(ProtectRtp(freshSender, 3), afterWrap);
            Assert.Equal(SrtpResult.AuthenticationFailed, UnprotectRtp(freshReceiver, afterWrap));
            Assert.Equal(SrtpResult.Ok, UnprotectRtp(receiver, afterWrap));
        }
    }

    [Theory]
    [MemberData(nameof(TestPackets.Profiles), MemberType = typeof(TestPackets))]
    public void Packets_reordered_around_the_wrap_all_decrypt(SrtpProfile profile)
    {
        var (sender, receiver) = Pair(profile);
        using (sender)
        using (receiver)
        {
            var packets = new Dictionary<ushort, byte[]>();
            foreach (var sequence in new ushort[] { 65533, 65534, 65535, 0, 1, 2 })
            {
                packets[sequence] = ProtectRtp(sender, sequence);
            }

            foreach (var sequence in new ushort[] { 65534, 1, 65535, 0, 2, 65533 })
            {
                var packet = (byte[])packets[sequence].Clone();
                Assert.Equal(SrtpResult.Ok, receiver.UnprotectRtp(packet, out var length));
                Assert.Equal(TestPackets.Rtp(sequence, Ssrc, 40, spare: 0), packet[..length]);
            }
        }
    }

    [Fact]
    public void Many_rollovers_in_a_long_stream_stay_in_step()
    {
        var (sender, receiver) = Pair(SrtpProfile.AeadAes128Gcm);
        using (sender)
        using (receiver)
        {
            ushort sequence = 60000;
            for (var i = 0; i < 3 * 65536; i += 997)
            {
                sequence += 997;
                Assert.Equal(SrtpResult.Ok, UnprotectRtp(receiver, ProtectRtp(sender, sequence, payloadLength: 4)));
            }
        }
    }

    [Theory]
    [MemberData(nameof(TestPackets.Profiles), MemberType = typeof(TestPackets))]
    public void Many_ssrcs_keep_independent_sequence_state(SrtpProfile profile)
    {
        var (sender, receiver) = Pair(profile);
        using (sender)
        using (receiver)
        {
            const int streams = 40;
            var random = new Random(11);
            var next = new ushort[streams];
            for (var s = 0; s < streams; s++)
            {
                next[s] = (ushort)(s % 4 == 0 ? 65530 : random.Next(65536));
            }
            for (var round = 0; round < 20; round++)
            {
                for (var s = 0; s < streams; s++)
                {
                    var packet = ProtectRtp(sender, next[s]++, ssrc: 0x1000u + (uint)s);
                    Assert.Equal(SrtpResult.Ok, UnprotectRtp(receiver, packet));
                }
            }
            Assert.Equal(streams, receiver.SsrcCount);
            Assert.Equal(streams, sender.SsrcCount);
        }
    }

    [Fact]
    public void The_same_sequence_number_on_two_ssrcs_is_not_a_replay()
    {
        var (sender, receiver) = Pair(SrtpProfile.Aes128CmHmacSha1Tag80);
        using (sender)
        using (receiver)
        {
            Assert.Equal(SrtpResult.Ok, UnprotectRtp(receiver, ProtectRtp(sender, 9, ssrc: 1)));
            Assert.Equal(SrtpResult.Ok, UnprotectRtp(receiver, ProtectRtp(sender, 9, ssrc: 2)));
        }
    }

    [Theory]
    [MemberData(nameof(TestPackets.Profiles), MemberType = typeof(TestPackets))]
    public void Ssrcs_beyond_the_limit_are_refused_until_one_is_removed(SrtpProfile profile)
    {
        var (sender, receiver) = Pair(profile, new SrtpContextOptions { MaxSsrcs = 4 });
        using (sender)
        using (receiver)
        using (var unlimited = new SrtpContext(TestPackets.MasterKey(profile)))
        {
            for (uint ssrc = 1; ssrc <= 4; ssrc++)
            {
                Assert.Equal(SrtpResult.Ok, UnprotectRtp(receiver, ProtectRtp(sender, 1, ssrc)));
            }
            var fifth = ProtectRtp(unlimited, 1, ssrc: 5);
            var fifthRtcp = ProtectRtcp(unlimited, ssrc: 5);

            Assert.Equal(SrtpResult.SsrcLimitExceeded, UnprotectRtp(receiver, fifth));
            Assert.Equal(SrtpResult.SsrcLimitExceeded, UnprotectRtcp(receiver, fifthRtcp));
            var buffer = TestPackets.Rtp(1, 5, 10, sender.RtpOverhead);
            Assert.Equal(SrtpResult.SsrcLimitExceeded, sender.ProtectRtp(buffer, buffer.Length - sender.RtpOverhead, out _));
            Assert.Equal(SrtpResult.Ok, UnprotectRtp(receiver, ProtectRtp(sender, 2, ssrc: 4)));
            Assert.Equal(4, receiver.SsrcCount);

            Assert.True(receiver.RemoveSsrc(1));
            Assert.False(receiver.RemoveSsrc(1));
            Assert.Equal(SrtpResult.Ok, UnprotectRtp(receiver, fifth));
            Assert.Equal(4, receiver.SsrcCount);
        }
    }

    [Fact]
    public void Packets_that_fail_authentication_take_no_ssrc_slot_and_move_no_window()
    {
        var (sender, receiver) = Pair(SrtpProfile.Aes128CmHmacSha1Tag80, new SrtpContextOptions { MaxSsrcs = 2 });
        using (sender)
        using (receiver)
        using (var attacker = new SrtpContext(TestPackets.MasterKey(SrtpProfile.Aes128CmHmacSha1Tag80, seed: 9)))
        {
            Assert.Equal(SrtpResult.Ok, UnprotectRtp(receiver, ProtectRtp(sender, 100)));
            for (uint ssrc = 50; ssrc < 60; ssrc++)
            {
                Assert.Equal(SrtpResult.AuthenticationFailed, UnprotectRtp(receiver, ProtectRtp(attacker, 1, ssrc)));
            }
            // A forged packet far ahead must not advance the window (or the ROC) of the real stream.
            Assert.Equal(SrtpResult.AuthenticationFailed, UnprotectRtp(receiver, ProtectRtp(attacker, 30000)));

            Assert.Equal(1, receiver.SsrcCount);
            Assert.Equal(SrtpResult.Ok, UnprotectRtp(receiver, ProtectRtp(sender, 101)));
            Assert.Equal(SrtpResult.Ok, UnprotectRtp(receiver, ProtectRtp(sender, 1, ssrc: 77)));
        }
    }

    [Theory]
    [MemberData(nameof(TestPackets.Profiles), MemberType = typeof(TestPackets))]
    public void Short_or_lying_packets_are_malformed(SrtpProfile profile)
    {
        var (sender, receiver) = Pair(profile);
        using (sender)
        using (receiver)
        {
            var valid = ProtectRtp(sender, 1, payloadLength: 0);
            var tag = receiver.RtpOverhead;

            Assert.Equal(SrtpResult.Malformed, UnprotectRtp(receiver, []));
            Assert.Equal(SrtpResult.Malformed, UnprotectRtp(receiver, valid[..(12 + tag - 1)]));
            var wrongVersion = (byte[])valid.Clone();
            wrongVersion[0] = 0x40;
            Assert.Equal(SrtpResult.Malformed, UnprotectRtp(receiver, wrongVersion));
            var lyingCsrcCount = (byte[])valid.Clone();
            lyingCsrcCount[0] |= 0x0F;
            Assert.Equal(SrtpResult.Malformed, UnprotectRtp(receiver, lyingCsrcCount));
            var lyingExtension = (byte[])valid.Clone();
            lyingExtension[0] |= 0x10;
            Assert.Equal(SrtpResult.Malformed, UnprotectRtp(receiver, lyingExtension));

            var rtcp = ProtectRtcp(sender);
            Assert.Equal(SrtpResult.Malformed, UnprotectRtcp(receiver, rtcp[..(8 + receiver.RtcpOverhead - 1)]));
            var rtcpWrongVersion = (byte[])rtcp.Clone();
            rtcpWrongVersion[0] = 0x01;
            Assert.Equal(SrtpResult.Malformed, UnprotectRtcp(receiver, rtcpWrongVersion));
        }
    }

    [Theory]
    [MemberData(nameof(TestPackets.Profiles), MemberType = typeof(TestPackets))]
    public void Protect_needs_a_valid_packet_and_room_for_the_trailer(SrtpProfile profile)
    {
        using var sender = new SrtpContext(TestPackets.MasterKey(profile));
        var rtp = TestPackets.Rtp(1, Ssrc, 20, spare: sender.RtpOverhead - 1);
        var rtpLength = rtp.Length - sender.RtpOverhead + 1;
        var rtcp = TestPackets.Rtcp(Ssrc, spare: sender.RtcpOverhead - 1);

        Assert.Equal(SrtpResult.BufferTooSmall, sender.ProtectRtp(rtp, rtpLength, out _));
        Assert.Equal(SrtpResult.BufferTooSmall, sender.ProtectRtcp(rtcp, TestPackets.RtcpLength, out _));
        Assert.Equal(SrtpResult.Malformed, sender.ProtectRtp(rtp, rtp.Length + 1, out _));
        Assert.Equal(SrtpResult.Malformed, sender.ProtectRtp(rtp, -1, out _));
        Assert.Equal(SrtpResult.Malformed, sender.ProtectRtp(rtp, 11, out _));
        Assert.Equal(SrtpResult.Malformed, sender.ProtectRtcp(rtcp, 7, out _));
        Assert.Equal(0, sender.SsrcCount);
    }

    [Fact]
    public void Protecting_an_rtp_sequence_number_before_the_first_rollover_is_refused()
    {
        using var sender = new SrtpContext(TestPackets.MasterKey(SrtpProfile.AeadAes128Gcm));
        ProtectRtp(sender, 10);
        var buffer = TestPackets.Rtp(60000, Ssrc, 10, sender.RtpOverhead);

        Assert.Equal(SrtpResult.TooOld, sender.ProtectRtp(buffer, buffer.Length - sender.RtpOverhead, out _));
    }

    [Fact]
    public void Unencrypted_srtcp_with_the_e_flag_clear_is_authenticated_and_passed_through()
    {
        // RFC 3711 3.4: E = 0 means the payload was only authenticated. Built here by hand with the
        // derived SRTCP authentication key, as no sender in this library produces it.
        var masterKey = TestPackets.MasterKey(SrtpProfile.Aes128CmHmacSha1Tag80);
        var authenticationKey = new byte[20];
        using (var prf = new AesCounterMode(masterKey.Key))
        {
            SrtpKeyDerivation.Derive(prf, masterKey.Salt, SrtpKeyDerivation.RtcpAuthenticationLabel, authenticationKey);
        }
        var plain = TestPackets.Rtcp(Ssrc, spare: 0);
        var authenticated = plain.Concat(Hex.Parse("00000007")).ToArray();
        using var mac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA1, authenticationKey);
        mac.AppendData(authenticated);
        var packet = authenticated.Concat(mac.GetHashAndReset()[..10]).ToArray();
        using var receiver = new SrtpContext(masterKey);

        Assert.Equal(SrtpResult.Ok, receiver.UnprotectRtcp(packet, out var length));
        Assert.Equal(plain, packet[..length]);
    }
}
