namespace Mcu.Media.Audio;

/// <summary>
/// One participant's place in an <see cref="AudioMixer"/>: its 20 ms frame goes in each tick,
/// and after <see cref="AudioMixer.Mix"/> <see cref="Output"/> is what it hears.
/// </summary>
public sealed class AudioMixerInput
{
    private readonly AudioMixer _mixer;
    private readonly short[] _pcm = new short[AudioFormat.FrameSamples];
    private readonly short[] _ownMix = new short[AudioFormat.FrameSamples];
    private bool _hasFrame;
    private int _hangoverLeft;

    internal AudioMixerInput(AudioMixer mixer, SoftLimiterSettings limiter)
    {
        _mixer = mixer;
        Limiter = new SoftLimiter(limiter);
    }

    /// <summary>A muted participant contributes nothing, whatever it sends; it still hears the room.</summary>
    public bool Muted { get; set; }

    /// <summary>The level (dBov) of the frame mixed this tick; -127 when none was submitted.</summary>
    public double LevelDbov { get; private set; } = AudioLevel.SilenceDbov;

    /// <summary>
    /// Whether this participant is heard in this tick's mix. Then it hears its own mix-minus
    /// (everybody but itself), a stream of its own that needs its own encode; otherwise it hears
    /// the shared mix, which one encode serves for all such participants.
    /// </summary>
    public bool HasOwnMix { get; private set; }

    /// <summary>What this participant hears this tick (960 samples): its own mix-minus, or the shared mix.</summary>
    public ReadOnlySpan<short> Output => HasOwnMix ? _ownMix : _mixer.SharedMix;

    internal SoftLimiter Limiter { get; }

    internal ReadOnlySpan<short> Pcm => _pcm;

    internal Span<short> OwnMixBuffer => _ownMix;

    /// <summary>Gives this tick's frame (960 samples, copied). An input with no frame this tick counts as silent.</summary>
    /// <exception cref="ArgumentException">The frame is not 960 samples.</exception>
    public void Submit(ReadOnlySpan<short> pcm)
    {
        if (pcm.Length != AudioFormat.FrameSamples)
        {
            ThrowHelper.ThrowArgument($"A mixer frame is {AudioFormat.FrameSamples} samples (20 ms at 48 kHz mono); got {pcm.Length}.", nameof(pcm));
        }

        pcm.CopyTo(_pcm);
        _hasFrame = true;
    }

    /// <summary>
    /// Decides whether the input is mixed this tick: unmuted and audible, or within the hangover
    /// after it was; consumes the submitted frame.
    /// </summary>
    internal bool BeginTick(double thresholdDbov, int hangoverTicks)
    {
        if (!_hasFrame)
        {
            _pcm.AsSpan().Clear();
        }

        _hasFrame = false;
        LevelDbov = AudioLevel.Dbov(_pcm);
        bool mixed;
        if (Muted)
        {
            _hangoverLeft = 0;
            mixed = false;
        }
        else if (LevelDbov > AudioLevel.SilenceDbov && LevelDbov >= thresholdDbov)
        {
            _hangoverLeft = hangoverTicks;
            mixed = true;
        }
        else
        {
            mixed = _hangoverLeft > 0;
            _hangoverLeft = Math.Max(0, _hangoverLeft - 1);
        }

        bool joined = mixed && !HasOwnMix;
        HasOwnMix = mixed;
        return joined;
    }
}
