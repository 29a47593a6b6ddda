using Mcu.Media.Audio;
using Mcu.Media.Native;

namespace Mcu.Conference.Audio;

/// <summary>A member's audio state on the room clock: its receiver, its mixer input, and its own encoder while it is audible.</summary>
internal sealed class MemberAudio : IDisposable
{
    public OpusDecoder? Decoder { get; set; }

    public AudioReceiver? Receiver { get; set; }

    public AudioMixerInput? MixerInput { get; set; }

    /// <summary>Encodes this member's mix-minus while it has one; kept a while after, so that short pauses reuse it.</summary>
    public MixEncoder? OwnEncoder { get; set; }

    public TimeSpan OwnEncoderLastUsed { get; set; }

    public bool Registered { get; set; }

    public void Dispose()
    {
        Decoder?.Dispose();
        OwnEncoder?.Dispose();
        Decoder = null;
        OwnEncoder = null;
        Receiver = null;
        MixerInput = null;
    }
}
