using Mcu.Media.Audio;
using Mcu.Media.Tests.Audio.TestSupport;

namespace Mcu.Media.Tests.Audio;

public class AudioReceiverTests
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(20);

    [Fact]
    public void Every_tick_yields_one_20_ms_frame_silent_until_the_first_packet_has_waited()
    {
        var receiver = new AudioReceiver(new FakeAudioDecoder());

        AudioFrameInfo before = receiver.Tick(TimeSpan.Zero);
        receiver.Insert(0, 0, TimeSpan.FromMilliseconds(5), FakeAudioDecoder.Packet(1_000));
        AudioFrameInfo waiting = receiver.Tick(Tick);
        AudioFrameInfo played = receiver.Tick(2 * Tick);

        Assert.Equal((AudioFrameKind.Silence, AudioLevel.SilenceDbov), (before.Kind, before.LevelDbov));
        Assert.Equal(AudioFrameKind.Silence, waiting.Kind);
        Assert.Equal(AudioFrameKind.Decoded, played.Kind);
        Assert.Equal(960, receiver.Frame.Length);
        Assert.All(receiver.Frame.ToArray(), s => Assert.Equal(1_000, s));
        Assert.InRange(played.LevelDbov, -30.4, -30.2);
    }

    [Fact]
    public void A_single_loss_is_recovered_from_the_next_packets_FEC()
    {
        var receiver = new AudioReceiver(new FakeAudioDecoder());
        List<AudioFrameInfo> frames = Run(receiver, packets: 10, lost: [4], out List<short> values);

        int recovered = frames.FindIndex(f => f.Kind == AudioFrameKind.FecRecovered);
        Assert.Equal(104, values[recovered]);
        Assert.Equal(105, values[recovered + 1]);
        Assert.Equal(AudioFrameKind.Decoded, frames[recovered + 1].Kind);
        Assert.Equal(1, receiver.FecRecoveries);
        Assert.DoesNotContain(frames.Take(recovered + 5), f => f.Kind == AudioFrameKind.Concealed);
        Assert.Equal(1, receiver.JitterBuffer.LostPackets);
    }

    [Fact]
    public void A_longer_loss_is_concealed_for_100_ms_then_turns_to_silence()
    {
        var receiver = new AudioReceiver(new FakeAudioDecoder());
        List<AudioFrameInfo> frames = Run(receiver, packets: 20, lost: [.. Enumerable.Range(4, 9)], out List<short> values);

        int first = frames.FindIndex(f => f.Kind == AudioFrameKind.Concealed);
        Assert.Equal(
            [AudioFrameKind.Concealed, AudioFrameKind.Concealed, AudioFrameKind.Concealed, AudioFrameKind.Concealed, AudioFrameKind.Concealed,
             AudioFrameKind.Silence, AudioFrameKind.Silence, AudioFrameKind.Silence, AudioFrameKind.FecRecovered, AudioFrameKind.Decoded],
            frames.Skip(first).Take(10).Select(f => f.Kind));
        Assert.Equal([51, 25, 12, 6, 3, 0, 0, 0, 112, 113], values.Skip(first).Take(10));
        Assert.Equal(AudioLevel.SilenceDbov, frames[first + 5].LevelDbov);
    }

    [Fact]
    public void Packets_of_40_ms_fill_two_ticks_and_packets_of_10_ms_two_per_tick()
    {
        var receiver = new AudioReceiver(new FakeAudioDecoder());
        for (int i = 0; i < 4; i++)
        {
            receiver.Insert((ushort)i, (uint)(i * 1_920), TimeSpan.FromMilliseconds(i * 40), FakeAudioDecoder.Packet((short)(10 + i), milliseconds: 40));
        }

        for (int i = 0; i < 4; i++)
        {
            receiver.Insert((ushort)(4 + i), (uint)((4 * 1_920) + (i * 480)), TimeSpan.FromMilliseconds(160 + (i * 10)), FakeAudioDecoder.Packet((short)(20 + i), milliseconds: 10));
        }

        var values = new List<(short, short)>();
        for (int t = 1; t <= 10; t++)
        {
            Assert.NotEqual(AudioFrameKind.Concealed, receiver.Tick(t * Tick).Kind);
            values.Add((receiver.Frame[0], receiver.Frame[^1]));
        }

        Assert.Equal([(10, 10), (10, 10), (11, 11), (11, 11), (12, 12), (12, 12), (13, 13), (13, 13), (20, 21), (22, 23)], values);
    }

    [Fact]
    public void The_senders_RFC_6464_level_ranks_speakers_when_present()
    {
        var receiver = new AudioReceiver(new FakeAudioDecoder());
        receiver.Insert(0, 0, TimeSpan.Zero, FakeAudioDecoder.Packet(1_000), audioLevel: 12);
        receiver.Insert(1, 960, Tick, FakeAudioDecoder.Packet(1_000));

        AudioFrameInfo withLevel = receiver.Tick(Tick);
        AudioFrameInfo without = receiver.Tick(2 * Tick);

        Assert.Equal((byte)12, withLevel.ReportedLevel);
        Assert.Equal(-12, withLevel.SpeakerLevelDbov);
        Assert.Null(without.ReportedLevel);
        Assert.Equal(without.LevelDbov, without.SpeakerLevelDbov);
    }

    [Fact]
    public void A_packet_the_decoder_refuses_is_concealed_and_counted()
    {
        var decoder = new FakeAudioDecoder();
        var receiver = new AudioReceiver(decoder);
        receiver.Insert(0, 0, TimeSpan.Zero, FakeAudioDecoder.Packet(1_000));
        receiver.Insert(1, 960, Tick, FakeAudioDecoder.Packet(2_000));
        receiver.Tick(Tick);

        decoder.RefuseDecoding = true;
        AudioFrameInfo refused = receiver.Tick(2 * Tick);

        Assert.Equal(AudioFrameKind.Concealed, refused.Kind);
        Assert.Equal(1, receiver.DecodeFailures);
        Assert.Equal(500, receiver.Frame[0]);
    }

    [Fact]
    public void Malformed_payloads_are_dropped_without_throwing()
    {
        var receiver = new AudioReceiver(new FakeAudioDecoder());

        Assert.Equal(AudioJitterInsertResult.Malformed, receiver.Insert(0, 0, TimeSpan.Zero, [1, 2]));
        Assert.Equal(AudioJitterInsertResult.Malformed, receiver.Insert(0, 0, TimeSpan.Zero, []));
        Assert.Equal(AudioFrameKind.Silence, receiver.Tick(Tick).Kind);
    }

    [Fact]
    public void Packets_marked_as_digital_silence_are_played_as_zeros_without_decoding_once_one_decoded_to_nothing_audible()
    {
        var decoder = new FakeAudioDecoder();
        var receiver = new AudioReceiver(decoder);
        // A muted track: its first silent packet still carries the end of the speech (value 3).
        short[] sent = [500, 3, 0, 0, 0, 0, 0, 0, 0, 0, 700, 0, 0];
        byte[] levels = [40, 127, 127, 127, 127, 127, 127, 127, 127, 127, 35, 127, 127];
        List<short> played = [];
        for (int t = 0; t < sent.Length + 2; t++)
        {
            if (t < sent.Length)
            {
                receiver.Insert((ushort)t, (uint)(t * 960), t * Tick, FakeAudioDecoder.Packet(sent[t]), levels[t]);
            }

            AudioFrameInfo info = receiver.Tick((t * Tick) + TimeSpan.FromMilliseconds(10));
            if (t >= 1 && t <= sent.Length)
            {
                Assert.Equal(AudioFrameKind.Decoded, info.Kind);
                played.Add(receiver.Frame[0]);
                Assert.All(receiver.Frame.ToArray(), v => Assert.Equal(receiver.Frame[0], v));
            }
        }

        Assert.Equal(sent, played);
        // Decoded: the speech, the first two silent ones (3, then the first zeros), the speech
        // after them, and the first silent packet after that speech.
        Assert.Equal(5, decoder.Decodes);
        Assert.Equal(8, receiver.SilentPacketsSkipped);
        Assert.Equal(5, receiver.DecodedPackets);
    }

    [Fact]
    public void Silence_without_the_level_extension_or_after_a_gap_is_decoded()
    {
        var decoder = new FakeAudioDecoder();
        var receiver = new AudioReceiver(decoder);
        for (int t = 0; t < 12; t++)
        {
            // No level on the first six; then marked silent, with packet 8 lost (FEC recovers it).
            if (t != 8)
            {
                receiver.Insert((ushort)t, (uint)(t * 960), t * Tick, FakeAudioDecoder.Packet(0), t < 6 ? null : (byte)127);
            }

            receiver.Tick((t * Tick) + TimeSpan.FromMilliseconds(10));
        }

        // Played: 0-5 unmarked, decoded; 6 marked, decoded to zeros; 7 skipped; the gap at 8
        // recovered; 9, after the gap, decoded again; 10 skipped (11 is not played yet).
        Assert.Equal(8, decoder.Decodes);
        Assert.Equal(2, receiver.SilentPacketsSkipped);
        Assert.Equal(1, receiver.FecRecoveries);
    }

    [Fact]
    public void Reset_starts_a_new_stream_without_leftovers()
    {
        var receiver = new AudioReceiver(new FakeAudioDecoder());
        Run(receiver, packets: 5, lost: [], out _);

        receiver.Reset();
        receiver.Insert(9_000, 12_345, TimeSpan.FromSeconds(10), FakeAudioDecoder.Packet(777));

        Assert.Equal(AudioFrameKind.Silence, receiver.Tick(TimeSpan.FromSeconds(10)).Kind);
        Assert.Equal(AudioFrameKind.Decoded, receiver.Tick(TimeSpan.FromSeconds(10) + Tick).Kind);
        Assert.Equal(777, receiver.Frame[0]);
    }

    [Theory]
    [InlineData(16_000, 1)]
    [InlineData(48_000, 2)]
    public void Only_a_48_kHz_mono_decoder_is_accepted(int rate, int channels)
    {
        var error = Assert.Throws<ArgumentException>(() => new AudioReceiver(new FakeAudioDecoder(rate, channels)));

        Assert.Contains("48000", error.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// Sends packets 0..n-1 (value 100+i, FEC value of the one before) every 20 ms arriving after
    /// 10 ms, minus the lost ones, ticking past the end; values are each frame's first sample.
    /// </summary>
    private static List<AudioFrameInfo> Run(AudioReceiver receiver, int packets, int[] lost, out List<short> values)
    {
        var frames = new List<AudioFrameInfo>();
        values = [];
        for (int t = 0; t < packets + 6; t++)
        {
            TimeSpan now = t * Tick;
            if (t < packets && !lost.Contains(t))
            {
                receiver.Insert((ushort)t, (uint)(t * 960), now, FakeAudioDecoder.Packet((short)(100 + t), (short)(t == 0 ? 0 : 99 + t)));
            }

            frames.Add(receiver.Tick(now + TimeSpan.FromMilliseconds(10)));
            values.Add(receiver.Frame[0]);
        }

        return frames;
    }
}
