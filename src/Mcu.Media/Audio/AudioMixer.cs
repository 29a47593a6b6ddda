namespace Mcu.Media.Audio;

/// <summary>
/// Mixes one room's audio every 20 ms tick with mix-minus: everybody hears everybody except
/// themselves. Inputs that are audible (or were, within the hangover) are summed in 32 bits;
/// the limited sum is the shared mix, heard by every participant not in it and used for viewers
/// and recording; each mixed participant gets the sum minus its own frame, limited separately.
/// So a room costs one shared encode plus one per current speaker. Muted and quiet inputs add
/// nothing. Every output goes through its own <see cref="SoftLimiter"/>: no wrap-around, no hard
/// clipping. Nothing allocates per tick. Not thread-safe: one room clock drives it.
/// </summary>
public sealed class AudioMixer
{
    private readonly List<AudioMixerInput> _inputs = [];
    private readonly int[] _sum = new int[AudioFormat.FrameSamples];
    private readonly int[] _minus = new int[AudioFormat.FrameSamples];
    private readonly short[] _shared = new short[AudioFormat.FrameSamples];
    private readonly SoftLimiter _sharedLimiter;
    private readonly int _hangoverTicks;

    /// <summary>Creates an empty mixer.</summary>
    /// <exception cref="ArgumentException">A setting is out of range.</exception>
    public AudioMixer(AudioMixerSettings? settings = null)
    {
        Settings = settings ?? new AudioMixerSettings();
        Settings.Validate();
        _sharedLimiter = new SoftLimiter(Settings.Limiter);
        _hangoverTicks = (int)(Settings.Hangover.Ticks / AudioFormat.FrameDuration.Ticks);
    }

    /// <summary>The settings the mixer was created with.</summary>
    public AudioMixerSettings Settings { get; }

    /// <summary>The inputs, in the order they were added.</summary>
    public IReadOnlyList<AudioMixerInput> Inputs => _inputs;

    /// <summary>Inputs mixed in the last tick: each needs its own encode besides the shared one.</summary>
    public int MixedCount { get; private set; }

    /// <summary>
    /// The last tick's mix of everyone audible (960 samples): what every participant without its
    /// own mix hears, and what viewers and recordings get.
    /// </summary>
    public ReadOnlySpan<short> SharedMix => _shared;

    /// <summary>Samples any output clamped as a last resort (the limiter curve should leave none).</summary>
    public long ClampedSamples
    {
        get
        {
            long clamped = _sharedLimiter.ClampedSamples;
            foreach (AudioMixerInput input in _inputs)
            {
                clamped += input.Limiter.ClampedSamples;
            }

            return clamped;
        }
    }

    /// <summary>Adds a participant (allocates its buffers once).</summary>
    public AudioMixerInput AddInput()
    {
        var input = new AudioMixerInput(this, Settings.Limiter);
        _inputs.Add(input);
        return input;
    }

    /// <summary>Removes a participant; false when it was not in this mixer.</summary>
    public bool RemoveInput(AudioMixerInput input) => _inputs.Remove(input);

    /// <summary>
    /// Mixes the frames submitted since the last tick; afterwards <see cref="SharedMix"/> and every
    /// input's <see cref="AudioMixerInput.Output"/> hold this tick's audio.
    /// </summary>
    public void Mix()
    {
        Array.Clear(_sum);
        int mixed = 0;
        for (int n = 0; n < _inputs.Count; n++)
        {
            AudioMixerInput input = _inputs[n];
            if (input.BeginTick(Settings.AudibleThresholdDbov, _hangoverTicks))
            {
                // A new speaker's own stream starts at the loudness the shared mix has now.
                input.Limiter.Reset(_sharedLimiter.Gain);
            }

            if (input.HasOwnMix)
            {
                mixed++;
                Add(_sum, input.Pcm);
            }
        }

        MixedCount = mixed;
        _sharedLimiter.Process(_sum, _shared);
        for (int n = 0; n < _inputs.Count; n++)
        {
            AudioMixerInput input = _inputs[n];
            if (input.HasOwnMix)
            {
                // Mix-minus from the exact 32-bit sum: the own frame cancels completely.
                Subtract(_sum, input.Pcm, _minus);
                input.Limiter.Process(_minus, input.OwnMixBuffer);
            }
        }
    }

    private static void Add(Span<int> sum, ReadOnlySpan<short> pcm)
    {
        for (int i = 0; i < sum.Length; i++)
        {
            sum[i] += pcm[i];
        }
    }

    private static void Subtract(ReadOnlySpan<int> sum, ReadOnlySpan<short> pcm, Span<int> result)
    {
        for (int i = 0; i < result.Length; i++)
        {
            result[i] = sum[i] - pcm[i];
        }
    }
}
