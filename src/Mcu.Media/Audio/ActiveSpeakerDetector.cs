namespace Mcu.Media.Audio;

/// <summary>
/// Picks the room's active speaker from per-participant audio levels (decoded energy, or the
/// sender's RFC 6464 level), with hysteresis so the speaker slot does not flicker: levels are
/// smoothed in the energy domain, and another participant takes the slot only after speaking
/// clearly louder than the speaker for a sustained window (pauses between words allowed), and
/// only once the speaker has held the slot for the minimum hold. Quiet participants never take the slot, so silence keeps the
/// last speaker. Sans-IO: the room clock reports levels and calls <see cref="Update"/> with the
/// tick time. Nothing allocates per tick. Not thread-safe.
/// </summary>
public sealed class ActiveSpeakerDetector
{
    private readonly List<Participant> _participants = [];
    private readonly Dictionary<int, Participant> _byId = [];
    private readonly ActiveSpeakerSettings _settings;
    private Participant? _speaker;
    private TimeSpan _speakerSince;
    private TimeSpan _lastUpdate;
    private bool _updated;

    /// <summary>Creates a detector with no participants and no speaker.</summary>
    /// <exception cref="ArgumentException">A setting is out of range.</exception>
    public ActiveSpeakerDetector(ActiveSpeakerSettings? settings = null)
    {
        _settings = settings ?? new ActiveSpeakerSettings();
        _settings.Validate();
    }

    /// <summary>The settings the detector was created with.</summary>
    public ActiveSpeakerSettings Settings => _settings;

    /// <summary>The active speaker's participant id, or null before anyone has spoken.</summary>
    public int? Speaker => _speaker?.Id;

    /// <summary>Starts tracking a participant.</summary>
    /// <exception cref="ArgumentException">The id is already tracked.</exception>
    public void Add(int participantId)
    {
        var participant = new Participant(participantId);
        if (!_byId.TryAdd(participantId, participant))
        {
            ThrowHelper.ThrowArgument($"Participant {participantId} is already tracked.", nameof(participantId));
        }

        _participants.Add(participant);
    }

    /// <summary>Stops tracking a participant; when it was the speaker, the slot is free at once.</summary>
    public bool Remove(int participantId)
    {
        if (!_byId.Remove(participantId, out Participant? participant))
        {
            return false;
        }

        _participants.Remove(participant);
        if (_speaker == participant)
        {
            _speaker = null;
        }

        return true;
    }

    /// <summary>Reports a participant's level (dBov) for this tick; unreported participants count as silent. False for an unknown id.</summary>
    public bool Report(int participantId, double levelDbov)
    {
        if (!_byId.TryGetValue(participantId, out Participant? participant))
        {
            return false;
        }

        participant.Reported = double.IsNaN(levelDbov) ? AudioLevel.SilenceDbov : Math.Clamp(levelDbov, AudioLevel.SilenceDbov, 0);
        participant.HasReport = true;
        return true;
    }

    /// <summary>The smoothed level (dBov) the decisions use; -127 for an unknown id.</summary>
    public double SmoothedLevelDbov(int participantId) =>
        _byId.TryGetValue(participantId, out Participant? participant) ? participant.SmoothedDbov : AudioLevel.SilenceDbov;

    /// <summary>Takes this tick's reports into account at <paramref name="now"/>; true when the speaker changed.</summary>
    public bool Update(TimeSpan now)
    {
        TimeSpan elapsed = _updated ? now - _lastUpdate : AudioFormat.FrameDuration;
        if (elapsed < TimeSpan.Zero)
        {
            elapsed = TimeSpan.Zero;
        }

        _lastUpdate = now;
        _updated = true;
        double attack = 1 - Math.Exp(-elapsed / _settings.Attack);
        double release = 1 - Math.Exp(-elapsed / _settings.Release);
        foreach (Participant participant in _participants)
        {
            participant.Smooth(attack, release);
        }

        bool holdOver = _speaker is null || now - _speakerSince >= _settings.MinimumHold;
        double speakerLevel = _speaker?.SmoothedDbov ?? double.NegativeInfinity;
        Participant? best = null;
        foreach (Participant participant in _participants)
        {
            // Only ticks with sound count towards the window, so a short loud noise followed by
            // its smoothed decay does not add up to speech.
            bool louder = participant != _speaker
                && participant.LastDbov >= _settings.SpeechThresholdDbov
                && participant.SmoothedDbov >= _settings.SpeechThresholdDbov
                && participant.SmoothedDbov >= speakerLevel + _settings.SwitchMarginDb;
            if (louder)
            {
                participant.LouderFor += elapsed;
                participant.LastLouder = now;
            }
            else if (now - participant.LastLouder > _settings.PauseTolerance)
            {
                participant.LouderFor = TimeSpan.Zero;
            }

            if (holdOver && participant != _speaker && participant.LouderFor >= _settings.SwitchWindow
                && (best is null || participant.SmoothedDbov > best.SmoothedDbov))
            {
                best = participant;
            }
        }

        if (best is null)
        {
            return false;
        }

        _speaker = best;
        _speakerSince = now;
        foreach (Participant participant in _participants)
        {
            participant.LouderFor = TimeSpan.Zero;
        }

        return true;
    }

    private sealed class Participant(int id)
    {
        private double _energy;

        public int Id { get; } = id;

        public double Reported { get; set; } = AudioLevel.SilenceDbov;

        public bool HasReport { get; set; }

        public double SmoothedDbov { get; private set; } = AudioLevel.SilenceDbov;

        public double LastDbov { get; private set; } = AudioLevel.SilenceDbov;

        /// <summary>Speech time while clearly louder than the speaker, since the last long pause.</summary>
        public TimeSpan LouderFor { get; set; }

        public TimeSpan LastLouder { get; set; }

        /// <summary>One-pole smoothing of the mean square: a pause decays by a few dB, not to silence.</summary>
        public void Smooth(double attack, double release)
        {
            double level = HasReport ? Reported : AudioLevel.SilenceDbov;
            HasReport = false;
            LastDbov = level;
            double energy = level <= AudioLevel.SilenceDbov ? 0 : Math.Pow(10, level / 10);
            _energy += (energy - _energy) * (energy > _energy ? attack : release);
            SmoothedDbov = _energy <= 0 ? AudioLevel.SilenceDbov : Math.Max(AudioLevel.SilenceDbov, 10 * Math.Log10(_energy));
        }
    }
}
