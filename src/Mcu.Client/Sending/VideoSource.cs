using Mcu.Media.Native;
using Mcu.Media.Synthetic;
using Mcu.Media.Video;
using Mcu.Rtp.Vp8;

namespace Mcu.Client.Sending;

/// <summary>
/// Encoded VP8 frames of a solid colour or the moving test pattern: encoded live, or encoded
/// once and looped (starting with a keyframe) so that load-test bots cost little CPU; or a
/// recorded clip, looped.
/// </summary>
internal sealed class VideoSource : IDisposable
{
    private readonly MediaBotOptions _options;
    private readonly Vp8Encoder? _encoder;
    private readonly I420Frame? _picture;
    private readonly List<(byte[] Data, bool Keyframe, int Color)> _loop = [];
    private readonly byte[] _live = new byte[1024 * 1024];
    private int _index;
    private volatile bool _keyframeRequested;

    public VideoSource(MediaBotOptions options)
    {
        _options = options;
        if (options.VideoClip is { } clip)
        {
            if (clip.Count == 0 || !Vp8PayloadHeader.StartsKeyframe(clip[0]))
            {
                throw new ArgumentException("A video clip needs frames, the first a VP8 keyframe.", nameof(options));
            }
            foreach (var frame in clip)
            {
                _loop.Add((frame, Vp8PayloadHeader.StartsKeyframe(frame), 0));
            }
            return;
        }
        var encoder = new Vp8Encoder(new Vp8EncoderSettings
        {
            Width = options.Width,
            Height = options.Height,
            FrameRate = options.FrameRate,
            BitrateBps = options.VideoBitrateBps,
            KeyframeInterval = options.PreEncodedFrames > 0 ? Math.Max(options.PreEncodedFrames, 1) : 300,
        });
        var picture = I420Frame.Allocate(options.Width, options.Height);
        if (options.PreEncodedFrames <= 0)
        {
            _encoder = encoder;
            _picture = picture;
            return;
        }
        using (encoder)
        using (picture)
        {
            for (var i = 0; i < options.PreEncodedFrames; i++)
            {
                Paint(picture, i);
                var frame = encoder.Encode(picture, i * 90_000L / options.FrameRate);
                if (!frame.IsDropped)
                {
                    _loop.Add((frame.Data.ToArray(), frame.IsKeyframe, ColorOf(i)));
                }
            }
        }
    }

    /// <summary>Which colour the last frame from <see cref="Next"/> shows: 0 the solid colour, 1 the alternate one.</summary>
    public int LastColor { get; private set; }

    /// <summary>The next frame to send; valid until the next call.</summary>
    public ReadOnlySpan<byte> Next(out bool keyframe)
    {
        var index = _index++;
        if (_encoder is null)
        {
            // A looped stream can only offer a keyframe by restarting the loop.
            if (_keyframeRequested || index % _loop.Count == 0)
            {
                _keyframeRequested = false;
                _index = 1;
                keyframe = true;
                LastColor = _loop[0].Color;
                return _loop[0].Data;
            }
            var entry = _loop[index % _loop.Count];
            keyframe = entry.Keyframe;
            LastColor = entry.Color;
            return entry.Data;
        }
        if (_keyframeRequested)
        {
            _keyframeRequested = false;
            _encoder.RequestKeyframe();
        }
        Paint(_picture!, index);
        LastColor = ColorOf(index);
        var encoded = _encoder.Encode(_picture!, index * 90_000L / _options.FrameRate);
        keyframe = encoded.IsKeyframe;
        if (encoded.IsDropped)
        {
            return [];
        }
        encoded.Data.CopyTo(_live);
        return _live.AsSpan(0, encoded.Data.Length);
    }

    /// <summary>Any thread: the next frame will be a keyframe.</summary>
    public void RequestKeyframe() => _keyframeRequested = true;

    public void Dispose()
    {
        _encoder?.Dispose();
        _picture?.Dispose();
    }

    private void Paint(I420Frame picture, int index)
    {
        if (_options.SolidColor is { } color)
        {
            if (ColorOf(index) == 1)
            {
                color = _options.AlternateColor!.Value;
            }
            picture.Y.Fill(color.Y);
            picture.U.Fill(color.U);
            picture.V.Fill(color.V);
            return;
        }
        SyntheticVideo.Paint(picture, index);
    }

    private int ColorOf(int index) =>
        _options is { SolidColor: not null, AlternateColor: not null, ColorPeriodFrames: > 0 } ? index / _options.ColorPeriodFrames % 2 : 0;
}
