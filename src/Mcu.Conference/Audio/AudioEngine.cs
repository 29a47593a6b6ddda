using System.Collections.Concurrent;
using Mcu.Conference.Inbound;
using Mcu.Conference.Outbound;
using Mcu.Media.Audio;
using Mcu.Media.Native;
using Mcu.Rtp;

namespace Mcu.Conference.Audio;

/// <summary>
/// The room's audio tick (room clock thread): every publisher's packets through its jitter
/// buffer and decoder into the mixer, the active speaker updated, then one encode of the shared
/// mix plus one per audible speaker (its mix-minus; digital silence is not re-encoded, see
/// <see cref="MixEncoder"/>), packetized once and handed to the loops.
/// </summary>
internal sealed class AudioEngine : IDisposable
{
    public const int FrameSamples = 960;
    private const byte SourcePayloadType = 111;
    private static readonly TimeSpan OwnEncoderLinger = TimeSpan.FromSeconds(10);

    private readonly Room _room;
    private readonly AudioMixer _mixer = new();
    private readonly ActiveSpeakerDetector _speakers;
    private readonly MixEncoder _sharedEncoder = new();
    private readonly ConcurrentQueue<OutgoingAudio> _pool = new();
    private readonly byte[] _opus = new byte[OpusEncoder.MaxPacketSize];
    private readonly List<RoomMember> _registered = [];
    private readonly uint _sourceSsrc = (uint)Random.Shared.Next(1, int.MaxValue);

    public AudioEngine(Room room, TimeSpan speakerHold)
    {
        _room = room;
        _speakers = new ActiveSpeakerDetector(new ActiveSpeakerSettings { MinimumHold = speakerHold });
    }

    public int? Speaker => _speakers.Speaker;

    public long Ticks { get; private set; }

    public void Tick(long index, TimeSpan scheduled, RoomMember[] members)
    {
        Ticks++;
        Synchronise(members);
        foreach (var member in _registered)
        {
            var state = member.AudioState;
            var sink = new ReceiverSink(state.Receiver!);
            member.AudioPackets.Drain(ref sink);
            var info = state.Receiver!.Tick(scheduled);
            state.MixerInput!.Muted = member.Muted;
            state.MixerInput.Submit(state.Receiver.Frame);
            _speakers.Report(member.Id, member.Muted ? AudioLevel.SilenceDbov : info.SpeakerLevelDbov);
        }
        _mixer.Mix();
        if (_speakers.Update(scheduled))
        {
            _room.OnSpeakerChanged(_speakers.Speaker);
        }
        foreach (var tap in _room.Taps)
        {
            tap.OnAudioFrame(_mixer.SharedMix, index * FrameSamples);
        }

        var receivers = 0;
        foreach (var member in members)
        {
            if (member.ReceivesAudio && member.IsConnected && !member.IsEnded)
            {
                receivers++;
            }
        }
        if (receivers == 0)
        {
            return;
        }
        var outgoing = OutgoingAudio.Rent(_pool);
        outgoing.CommitShared(WritePacket(outgoing.SharedBuffer, _sharedEncoder, _mixer.SharedMix, index));
        foreach (var member in _registered)
        {
            var state = member.AudioState;
            if (!member.ReceivesAudio)
            {
                continue;
            }
            if (state.MixerInput!.HasOwnMix)
            {
                state.OwnEncoder ??= new MixEncoder();
                state.OwnEncoderLastUsed = scheduled;
                outgoing.CommitOwn(WritePacket(outgoing.OwnBuffer(member.Id), state.OwnEncoder, state.MixerInput.Output, index));
            }
            else if (state.OwnEncoder is not null && scheduled - state.OwnEncoderLastUsed > OwnEncoderLinger)
            {
                state.OwnEncoder.Dispose();
                state.OwnEncoder = null;
            }
        }
        _room.Distribute(outgoing);
    }

    public void Dispose()
    {
        foreach (var member in _registered)
        {
            member.AudioState.Dispose();
        }
        _registered.Clear();
        _sharedEncoder.Dispose();
    }

    // Members are added on the clock thread when first seen, and removed once they end.
    private void Synchronise(RoomMember[] members)
    {
        for (var i = _registered.Count - 1; i >= 0; i--)
        {
            var member = _registered[i];
            if (member.IsEnded)
            {
                _mixer.RemoveInput(member.AudioState.MixerInput!);
                if (_speakers.Remove(member.Id))
                {
                    _room.OnSpeakerChanged(_speakers.Speaker);
                }
                member.AudioState.Dispose();
                member.AudioState.Registered = false;
                _registered.RemoveAt(i);
            }
        }
        foreach (var member in members)
        {
            var state = member.AudioState;
            if (state.Registered || member.IsEnded || !member.PublishesAudio)
            {
                continue;
            }
            state.Decoder = new OpusDecoder();
            state.Receiver = new AudioReceiver(state.Decoder);
            state.MixerInput = _mixer.AddInput();
            state.Registered = true;
            _speakers.Add(member.Id);
            _registered.Add(member);
        }
    }

    private int WritePacket(Span<byte> destination, MixEncoder encoder, ReadOnlySpan<short> pcm, long index)
    {
        var length = encoder.Encode(pcm, _opus);
        var header = new RtpHeader(SourcePayloadType, (ushort)index, unchecked((uint)(index * FrameSamples)), _sourceSsrc);
        return RtpPacketWriter.TryCreate(destination, header, out var writer) && writer.TryWritePayload(_opus.AsSpan(0, length), out var packetLength)
            ? packetLength
            : 0;
    }

    private readonly struct ReceiverSink(AudioReceiver receiver) : IAudioPacketSink
    {
        public void Accept(ushort sequenceNumber, uint timestamp, TimeSpan arrival, ReadOnlySpan<byte> payload, byte? level) =>
            receiver.Insert(sequenceNumber, timestamp, arrival, payload, level);
    }
}
