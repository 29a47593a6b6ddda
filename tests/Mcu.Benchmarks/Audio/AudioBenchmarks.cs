using System.Globalization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using Mcu.Media.Audio;
using Mcu.Media.Native;

namespace Mcu.Benchmarks.Audio;

/// <summary>
/// One 20 ms room audio tick as the room clock runs it: every participant's packet into its
/// jitter buffer and decoded (Opus, 48 kHz mono), the mix with mix-minus and limiter, speaker
/// detection, then one shared encode plus one encode per mixed speaker. Two participants speak;
/// the others send the low-level noise of an idle microphone (no DTX, as browsers do by default).
/// The "% of 20 ms" column is the share of one core a room costs.
/// </summary>
[Config(typeof(Config))]
public class AudioBenchmarks
{
    private const int Frame = 960;
    private const int StreamFrames = 250; // 5 s of each kind of input, looped
    private const int Speakers = 2;

    private readonly List<byte[]>[] _streams = new List<byte[]>[Speakers + 1];
    private readonly byte[] _packet = new byte[1_500];
    private AudioReceiver[] _receivers = [];
    private OpusDecoder[] _decoders = [];
    private AudioMixerInput[] _inputs = [];
    private OpusEncoder[] _ownEncoders = [];
    private OpusEncoder? _sharedEncoder;
    private AudioMixer _mixer = new();
    private ActiveSpeakerDetector _detector = new();
    private int _tick;

    /// <summary>Participants in the room.</summary>
    [Params(9, 50)]
    public int Participants { get; set; }

    /// <summary>Encoder complexity of the room's mixes (libopus 0..10; the room default is 5).</summary>
    [Params(5, 9)]
    public int Complexity { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var senderSettings = new OpusEncoderSettings();
        for (int s = 0; s < Speakers; s++)
        {
            _streams[s] = Encode(senderSettings, SpeechLike(StreamFrames * Frame, 120 + (70 * s), seed: s));
        }

        _streams[Speakers] = Encode(senderSettings, Noise(StreamFrames * Frame, amplitude: 30, seed: 99));

        OpusEncoderSettings mixSettings = OpusEncoderSettings.RoomMix with { Complexity = Complexity };
        _mixer = new AudioMixer();
        _detector = new ActiveSpeakerDetector();
        _sharedEncoder = new OpusEncoder(mixSettings);
        _decoders = new OpusDecoder[Participants];
        _receivers = new AudioReceiver[Participants];
        _inputs = new AudioMixerInput[Participants];
        _ownEncoders = new OpusEncoder[Participants];
        for (int p = 0; p < Participants; p++)
        {
            _decoders[p] = new OpusDecoder();
            _receivers[p] = new AudioReceiver(_decoders[p]);
            _inputs[p] = _mixer.AddInput();
            _ownEncoders[p] = new OpusEncoder(mixSettings);
            _detector.Add(p);
        }

        // Settle the jitter buffers, the encoders and the mixer's speaker set.
        for (int i = 0; i < 100; i++)
        {
            RoomTick();
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _sharedEncoder?.Dispose();
        foreach (OpusEncoder encoder in _ownEncoders)
        {
            encoder.Dispose();
        }

        foreach (OpusDecoder decoder in _decoders)
        {
            decoder.Dispose();
        }
    }

    /// <summary>One tick; returns the bytes encoded so that nothing is optimised away.</summary>
    [Benchmark]
    public int RoomTick()
    {
        int tick = _tick++;
        var now = TimeSpan.FromTicks(tick * TimeSpan.TicksPerMillisecond * 20);
        for (int p = 0; p < _receivers.Length; p++)
        {
            List<byte[]> stream = _streams[Math.Min(p, Speakers)];
            _receivers[p].Insert((ushort)tick, (uint)(tick * Frame), now, stream[tick % stream.Count]);
            AudioFrameInfo info = _receivers[p].Tick(now);
            _inputs[p].Submit(_receivers[p].Frame);
            _detector.Report(p, info.SpeakerLevelDbov);
        }

        _mixer.Mix();
        _detector.Update(now);
        int bytes = _sharedEncoder!.Encode(_mixer.SharedMix, _packet);
        for (int p = 0; p < _inputs.Length; p++)
        {
            if (_inputs[p].HasOwnMix)
            {
                bytes += _ownEncoders[p].Encode(_inputs[p].Output, _packet);
            }
        }

        return bytes;
    }

    private static List<byte[]> Encode(OpusEncoderSettings settings, short[] signal)
    {
        using var encoder = new OpusEncoder(settings);
        var packets = new List<byte[]>(signal.Length / Frame);
        byte[] packet = new byte[1_500];
        for (int offset = 0; offset + Frame <= signal.Length; offset += Frame)
        {
            int length = encoder.Encode(signal.AsSpan(offset, Frame), packet);
            packets.Add(packet.AsSpan(0, length).ToArray());
        }

        return packets;
    }

    /// <summary>
    /// A voice-like test signal: a gliding pitch with a falling harmonic series, syllables of
    /// about 200 ms with short pauses, and a little breath noise.
    /// </summary>
    private static short[] SpeechLike(int samples, double pitch, int seed)
    {
        var random = new Random(seed);
        short[] pcm = new short[samples];
        double phase = 0;
        for (int i = 0; i < samples; i++)
        {
            double t = i / 48_000.0;
            double f0 = pitch * (1 + (0.15 * Math.Sin(2 * Math.PI * 0.7 * t)));
            phase += 2 * Math.PI * f0 / 48_000;
            double syllable = Math.Max(0, Math.Sin(2 * Math.PI * 2.3 * t));
            double voice = 0;
            for (int harmonic = 1; harmonic <= 12; harmonic++)
            {
                voice += Math.Sin(harmonic * phase) / harmonic;
            }

            double breath = (random.NextDouble() - 0.5) * 0.05;
            pcm[i] = (short)(6_000 * ((voice * syllable) + breath));
        }

        return pcm;
    }

    private static short[] Noise(int samples, int amplitude, int seed)
    {
        var random = new Random(seed);
        short[] pcm = new short[samples];
        for (int i = 0; i < samples; i++)
        {
            pcm[i] = (short)random.Next(-amplitude, amplitude + 1);
        }

        return pcm;
    }

    /// <summary>Adds the share of a 20 ms tick to the columns (the job comes from the global config).</summary>
    public sealed class Config : ManualConfig
    {
        public Config() => AddColumn(new PeriodShareColumn());
    }

    /// <summary>Mean time per tick as a percentage of the 20 ms room clock period: the share of one core.</summary>
    private sealed class PeriodShareColumn : IColumn
    {
        public string Id => nameof(PeriodShareColumn);

        public string ColumnName => "% of 20 ms";

        public bool AlwaysShow => true;

        public ColumnCategory Category => ColumnCategory.Custom;

        public int PriorityInCategory => 0;

        public bool IsNumeric => true;

        public UnitType UnitType => UnitType.Dimensionless;

        public string Legend => "Mean time of one tick as a percentage of the 20 ms audio period (share of one core)";

        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

        public bool IsAvailable(Summary summary) => true;

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, summary.Style);

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
        {
            double? nanoseconds = summary[benchmarkCase]?.ResultStatistics?.Mean;
            return nanoseconds is null ? "?" : (nanoseconds.Value / 20_000_000 * 100).ToString("0.00", CultureInfo.InvariantCulture);
        }
    }
}
