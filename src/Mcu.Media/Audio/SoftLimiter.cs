namespace Mcu.Media.Audio;

/// <summary>
/// Brings a 32-bit sum of 16-bit audio back into 16 bits without wrap-around or clipping: the
/// signal is scaled by a smooth gain, never bent sample by sample, so loud rooms get quieter
/// instead of distorted. Works in 1 ms blocks: each block's gain is what its own peak and the
/// next block's need (look-ahead within the frame), reached by a linear ramp over the block, so
/// the gain is already down when a peak arrives; it recovers with the release time constant.
/// Peaks at or below the knee pass unchanged; above it they follow a tanh curve that reaches the
/// ceiling only asymptotically. One instance per output stream; nothing allocates. Not thread-safe.
/// </summary>
public sealed class SoftLimiter
{
    private const int BlockSamples = AudioFormat.SampleRate / 1000;

    private readonly float _knee;
    private readonly float _range;
    private readonly float _releaseCoefficient;

    /// <summary>Creates a limiter at unity gain.</summary>
    /// <exception cref="ArgumentException">A setting is out of range.</exception>
    public SoftLimiter(SoftLimiterSettings? settings = null)
    {
        settings ??= new SoftLimiterSettings();
        settings.Validate();
        Settings = settings;
        _knee = settings.Knee;
        _range = settings.Ceiling - settings.Knee;
        double blockSeconds = (double)BlockSamples / AudioFormat.SampleRate;
        _releaseCoefficient = (float)(1 - Math.Exp(-blockSeconds / settings.Release.TotalSeconds));
    }

    /// <summary>The settings the limiter was created with.</summary>
    public SoftLimiterSettings Settings { get; }

    /// <summary>The gain at the end of the last block processed (1 = unity).</summary>
    public float Gain { get; private set; } = 1;

    /// <summary>Samples clamped as a last resort (the curve should leave none).</summary>
    public long ClampedSamples { get; private set; }

    /// <summary>Continues from a given gain, e.g. another stream's when a listener moves to this one.</summary>
    public void Reset(float gain = 1) => Gain = Math.Clamp(gain, 0f, 1f);

    /// <summary>Limits <paramref name="input"/> into <paramref name="output"/> of the same length.</summary>
    /// <exception cref="ArgumentException">The lengths differ.</exception>
    public void Process(ReadOnlySpan<int> input, Span<short> output)
    {
        if (input.Length != output.Length)
        {
            ThrowHelper.ThrowArgument($"The output ({output.Length} samples) must be as long as the input ({input.Length}).", nameof(output));
        }

        float gain = Gain;
        float required = RequiredGain(Peak(input[..Math.Min(BlockSamples, input.Length)]));
        for (int start = 0; start < input.Length; start += BlockSamples)
        {
            int length = Math.Min(BlockSamples, input.Length - start);
            int nextStart = start + length;
            float nextRequired = nextStart < input.Length
                ? RequiredGain(Peak(input.Slice(nextStart, Math.Min(BlockSamples, input.Length - nextStart))))
                : 1f;

            // Ramp from where the gain is to where this block and the next allow; both ends are at
            // most this block's requirement, so every sample of the ramp is too. Only a loud onset
            // at the very start of a frame steps the gain down at once.
            float startGain = Math.Min(gain, required);
            float endGain = Math.Min(Math.Min(required, nextRequired), gain + ((1f - gain) * _releaseCoefficient));
            Apply(input.Slice(start, length), output.Slice(start, length), startGain, endGain);
            gain = endGain;
            required = nextRequired;
        }

        Gain = gain;
    }

    private static int Peak(ReadOnlySpan<int> block)
    {
        int peak = 0;
        foreach (int sample in block)
        {
            // Magnitude without overflow for int.MinValue.
            int magnitude = sample < 0 ? (sample == int.MinValue ? int.MaxValue : -sample) : sample;
            if (magnitude > peak)
            {
                peak = magnitude;
            }
        }

        return peak;
    }

    /// <summary>The gain that maps a block peak onto the soft curve.</summary>
    private float RequiredGain(int peak)
    {
        if (peak <= _knee)
        {
            return 1f;
        }

        float shaped = _knee + (_range * MathF.Tanh((peak - _knee) / _range));
        return shaped / peak;
    }

    private void Apply(ReadOnlySpan<int> input, Span<short> output, float startGain, float endGain)
    {
        float step = (endGain - startGain) / input.Length;
        float gain = startGain;
        for (int i = 0; i < input.Length; i++)
        {
            gain += step;
            float value = MathF.Round(input[i] * Math.Min(gain, Math.Max(startGain, endGain)));
            if (value > short.MaxValue)
            {
                ClampedSamples++;
                value = short.MaxValue;
            }
            else if (value < short.MinValue)
            {
                ClampedSamples++;
                value = short.MinValue;
            }

            output[i] = (short)value;
        }
    }
}
