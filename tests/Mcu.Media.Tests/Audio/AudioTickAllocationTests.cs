using Mcu.Media.Audio;
using Mcu.Media.Tests.Audio.TestSupport;

namespace Mcu.Media.Tests.Audio;

public class AudioTickAllocationTests
{
    private const int Participants = 9;
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(20);

    [Fact]
    public void A_room_tick_of_receive_mix_and_speaker_detection_allocates_nothing()
    {
        var room = new Room();
        for (int tick = 0; tick < 300; tick++)
        {
            room.Run(tick);
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int tick = 300; tick < 800; tick++)
        {
            room.Run(tick);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.True(room.Mixer.MixedCount >= 2, "speakers were mixed");
        Assert.NotNull(room.Detector.Speaker);
        Assert.True(room.Receivers[0].FecRecoveries > 0 && room.Receivers[0].Concealments > 0, "loss paths ran");
        Assert.True(room.Receivers[1].JitterBuffer.DuplicatePackets > 0, "duplicate path ran");
    }

    /// <summary>Nine participants, two of them speaking, with loss, reordering and duplicates.</summary>
    private sealed class Room
    {
        private static readonly short[] Silence = new short[AudioFormat.FrameSamples];
        private readonly byte[][] _packets = new byte[1_000][];

        public Room()
        {
            for (int i = 0; i < _packets.Length; i++)
            {
                _packets[i] = FakeAudioDecoder.Packet((short)(1_000 + i), (short)(999 + i));
            }

            for (int p = 0; p < Participants; p++)
            {
                Receivers[p] = new AudioReceiver(new FakeAudioDecoder());
                Inputs[p] = Mixer.AddInput();
                Detector.Add(p);
            }

            Inputs[8].Muted = true;
        }

        public AudioReceiver[] Receivers { get; } = new AudioReceiver[Participants];

        public AudioMixerInput[] Inputs { get; } = new AudioMixerInput[Participants];

        public AudioMixer Mixer { get; } = new();

        public ActiveSpeakerDetector Detector { get; } = new();

        public void Run(int tick)
        {
            TimeSpan now = tick * Tick;
            for (int p = 0; p < Participants; p++)
            {
                int sent = tick;
                if (p == 0 && (tick % 10 == 3 || tick % 20 == 4))
                {
                    sent = -1; // lost
                }
                else if (p == 1 && tick % 7 == 0 && tick > 0)
                {
                    Insert(p, tick - 1, now); // duplicate
                }

                // Participants 0 and 1 speak; the others send silence-level packets.
                if (sent >= 0)
                {
                    Insert(p, sent, now + TimeSpan.FromMilliseconds(p * 3));
                }

                AudioFrameInfo info = Receivers[p].Tick(now);
                Inputs[p].Submit(p < 2 ? Receivers[p].Frame : Silence);
                Detector.Report(p, p < 2 ? info.SpeakerLevelDbov : AudioLevel.SilenceDbov);
            }

            Mixer.Mix();
            Detector.Update(now);
        }

        private void Insert(int participant, int index, TimeSpan arrival) =>
            Receivers[participant].Insert((ushort)index, (uint)(index * 960), arrival, _packets[index % _packets.Length]);
    }
}
