using Mcu.Media.Synthetic;
using Mcu.Media.Video;

namespace Mcu.Media.Native.Tests;

public class SteadyStateAllocationTests
{
    [Fact]
    public void Encode_decode_scale_convert_and_audio_allocate_nothing_after_warm_up()
    {
        using var pipeline = new Pipeline();
        for (int i = 0; i < 30; i++)
        {
            pipeline.Run(i);
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 30; i < 90; i++)
        {
            pipeline.Run(i);
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(0, allocated);
        Assert.True(pipeline.DecodedFrames >= 89 && pipeline.DecodedAudioFrames >= 89, "the loop did real work");
    }

    /// <summary>One encoder worker, one decoder worker and the compositor's YUV steps, per frame.</summary>
    private sealed class Pipeline : IDisposable
    {
        private const int Stride = 640 * 4;

        private readonly I420FramePool _pool = new();
        private readonly Vp8Encoder _encoder = new(new Vp8EncoderSettings { Width = 320, Height = 180, BitrateBps = 300_000 });
        private readonly Vp8Decoder _decoder = new();
        private readonly OpusEncoder _opusEncoder = new(new OpusEncoderSettings());
        private readonly OpusDecoder _opusDecoder = new();
        private readonly I420Frame _canvas = I420Frame.Allocate(640, 360);
        private readonly byte[] _bgra = new byte[Stride * 360];
        private readonly short[] _pcm = new short[960];
        private readonly short[] _decodedPcm = new short[960];
        private readonly byte[] _packet = new byte[1500];

        public int DecodedFrames { get; private set; }

        public int DecodedAudioFrames { get; private set; }

        public void Run(int i)
        {
            using (I420Frame source = _pool.Rent(320, 180))
            {
                SyntheticVideo.Paint(source, i);
                if (i % 20 == 0)
                {
                    _encoder.RequestKeyframe();
                    _encoder.SetBitrate(i % 40 == 0 ? 300_000 : 350_000);
                }

                Vp8EncodedFrame encoded = _encoder.Encode(source, i * 3000L);
                if (_decoder.Decode(encoded.Data, out _) == Vp8DecodeStatus.Decoded)
                {
                    // As a room does: the picture is kept (no copy) and read by the compositor.
                    DecodedFrames++;
                    using Vp8Picture kept = _decoder.KeepPicture();
                    Yuv.Scale(kept.AsView(), _canvas, new PixelRect(0, 0, 320, 180), ScaleFilter.Box);
                    Yuv.Scale(kept.AsView(), _canvas, new PixelRect(320, 0, 320, 360), ScaleFilter.Bilinear);
                }

                Yuv.Copy(source.AsView(), _canvas, 0, 180);
            }

            Yuv.Fill(_canvas, new PixelRect(0, 358, 640, 2), YuvColor.Black);
            Yuv.ToPacked(_canvas.AsView(), _bgra, Stride, PackedPixelFormat.Bgra);
            Yuv.FromPacked(_bgra, Stride, PackedPixelFormat.Bgra, _canvas);

            SyntheticAudio.Tone(_pcm, 1, 48_000, 440, 0.5, i * 960L);
            int length = _opusEncoder.Encode(_pcm, _packet);
            if (_opusDecoder.TryDecode(_packet.AsSpan(0, length), _decodedPcm, out _))
            {
                DecodedAudioFrames++;
            }

            if (i % 10 == 0)
            {
                _opusDecoder.Conceal(_decodedPcm);
                _opusDecoder.TryDecodeFec(_packet.AsSpan(0, length), _decodedPcm, out _);
                _opusEncoder.SetPacketLossPercent(i % 20 == 0 ? 10 : 5);
                _opusEncoder.SetBitrate(i % 20 == 0 ? 32_000 : 24_000);
            }
        }

        public void Dispose()
        {
            _encoder.Dispose();
            _decoder.Dispose();
            _opusEncoder.Dispose();
            _opusDecoder.Dispose();
            _canvas.Dispose();
            _pool.Dispose();
        }
    }
}
