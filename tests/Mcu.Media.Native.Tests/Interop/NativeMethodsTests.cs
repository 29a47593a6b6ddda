using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Mcu.Media.Native.Interop;

namespace Mcu.Media.Native.Tests;

/// <summary>The C library checks its arguments itself, whatever the managed layer lets through.</summary>
public unsafe class NativeMethodsTests
{
    // Pinned so that the images built over it stay valid without fixed blocks.
    private static readonly byte[] PinnedPlane = GC.AllocateArray<byte>(64 * 64, pinned: true);

    [Fact]
    public void Every_error_code_has_its_own_message()
    {
        var messages = new HashSet<string>();
        for (int code = 0; code >= (int)NativeErrorCode.Internal; code--)
        {
            string message = NativeMethods.Message(code);
            Assert.NotEqual("unknown error", message);
            Assert.True(messages.Add(message), message);
        }

        Assert.Equal("unknown error", NativeMethods.Message(-1000));
        Assert.Equal("unknown error", NativeMethods.Message(1));
    }

    [Fact]
    public void Null_objects_and_null_pointers_are_reported_not_dereferenced()
    {
        using var encoder = new Vp8EncoderHandle();
        using var decoder = new Vp8DecoderHandle();
        using var opusEncoder = new OpusEncoderHandle();
        using var opusDecoder = new OpusDecoderHandle();
        NativeI420 image = Image(64, 64);
        short[] pcm = new short[960];
        fixed (short* samples = pcm)
        fixed (byte* data = PinnedPlane)
        {
            Assert.Equal(NativeErrorCode.NullPointer, Code(NativeMethods.Vp8EncoderEncode(encoder, image, 0, 0, out _)));
            Assert.Equal(NativeErrorCode.NullPointer, Code(NativeMethods.Vp8EncoderSetBitrate(encoder, 500_000)));
            Assert.Equal(NativeErrorCode.NullPointer, Code(NativeMethods.Vp8DecoderDecode(decoder, data, 10, out _, out _)));
            Assert.Equal(NativeErrorCode.NullPointer, Code(NativeMethods.OpusEncoderEncode(opusEncoder, samples, 960, data, 100, out _)));
            Assert.Equal(NativeErrorCode.NullPointer, Code(NativeMethods.OpusEncoderSetBitrate(opusEncoder, 20_000)));
            Assert.Equal(NativeErrorCode.NullPointer, Code(NativeMethods.OpusDecoderDecode(opusDecoder, data, 10, samples, 960, 0, out _)));
        }

        using var realDecoder = CreateVp8Decoder();
        Assert.Equal(NativeErrorCode.NullPointer, Code(NativeMethods.Vp8DecoderDecode(realDecoder, null, 10, out _, out _)));
        NativeI420 noPlane = image;
        noPlane.U = null;
        var rect = new NativeRect { Width = 16, Height = 16 };
        Assert.Equal(NativeErrorCode.NullPointer, Code(NativeMethods.I420Scale(noPlane, image, rect, 0)));
        Assert.Equal(NativeErrorCode.NullPointer, Code(NativeMethods.I420Fill(noPlane, rect, 1, 2, 3)));
        Assert.Equal(NativeErrorCode.NullPointer, Code(NativeMethods.I420ToPacked(image, null, 256, 1 << 20, 0)));
    }

    [Fact]
    public void Encoder_configuration_is_checked_in_C()
    {
        NativeVp8EncoderConfig good = new Vp8EncoderSettings { Width = 64, Height = 64 }.ToNative();
        Assert.Equal(NativeErrorCode.InvalidSize, Create(good with { Width = 63 }));
        Assert.Equal(NativeErrorCode.InvalidSize, Create(good with { Height = 0 }));
        Assert.Equal(NativeErrorCode.InvalidSize, Create(good with { Width = -64 }));
        Assert.Equal(NativeErrorCode.InvalidArgument, Create(good with { Speed = 8 }));
        Assert.Equal(NativeErrorCode.InvalidArgument, Create(good with { BitrateBps = 0 }));
        Assert.Equal(NativeErrorCode.InvalidArgument, Create(good with { MaxQuantizer = 64 }));
        Assert.Equal(NativeErrorCode.InvalidArgument, Create(good with { BufferOptimalMs = 5000 }));
        Assert.Equal(NativeErrorCode.Ok, Create(good));

        NativeOpusEncoderConfig opus = new OpusEncoderSettings().ToNative();
        Assert.Equal(NativeErrorCode.InvalidArgument, CreateOpus(opus with { SampleRate = 44_100 }));
        Assert.Equal(NativeErrorCode.InvalidArgument, CreateOpus(opus with { Channels = 0 }));
        Assert.Equal(NativeErrorCode.InvalidArgument, CreateOpus(opus with { Application = 3 }));
        Assert.Equal(NativeErrorCode.Ok, CreateOpus(opus));
        Assert.Equal(NativeErrorCode.InvalidArgument, Code(NativeMethods.OpusDecoderCreate(48_000, 3, out OpusDecoderHandle decoder)));
        Assert.True(decoder.IsInvalid);
    }

    [Fact]
    public void Frames_of_the_wrong_size_or_with_short_planes_are_refused_by_the_encoder()
    {
        Assert.Equal(0, NativeMethods.Vp8EncoderCreate(new Vp8EncoderSettings { Width = 64, Height = 64 }.ToNative(), out Vp8EncoderHandle encoder));
        using (encoder)
        {
            Assert.Equal(NativeErrorCode.InvalidSize, Code(NativeMethods.Vp8EncoderEncode(encoder, Image(32, 32), 0, 0, out _)));
            Assert.Equal(NativeErrorCode.InvalidSize, Code(NativeMethods.Vp8EncoderEncode(encoder, Image(64, 64) with { StrideY = 63 }, 0, 0, out _)));
            Assert.Equal(NativeErrorCode.BufferTooSmall, Code(NativeMethods.Vp8EncoderEncode(encoder, Image(64, 64) with { SizeV = 100 }, 0, 0, out _)));
            Assert.Equal(NativeErrorCode.InvalidArgument, Code(NativeMethods.Vp8EncoderEncode(encoder, Image(64, 64), 0, 2, out _)));
            Assert.Equal(NativeErrorCode.Ok, Code(NativeMethods.Vp8EncoderEncode(encoder, Image(64, 64), 3000, 0, out NativeVp8Packet packet)));
            Assert.True(packet.Size > 0);
            Assert.Equal(NativeErrorCode.InvalidArgument, Code(NativeMethods.Vp8EncoderEncode(encoder, Image(64, 64), 3000, 0, out _)));
            Assert.Equal(NativeErrorCode.InvalidArgument, Code(NativeMethods.Vp8EncoderSetBitrate(encoder, 5)));
        }
    }

    [Fact]
    public void Yuv_calls_check_sizes_strides_and_rectangles_in_C()
    {
        NativeI420 canvas = Image(64, 64);
        NativeI420 source = Image(16, 16);
        var inside = new NativeRect { X = 8, Y = 8, Width = 16, Height = 16 };

        Assert.Equal(NativeErrorCode.Ok, Code(NativeMethods.I420Scale(source, canvas, inside, 3)));
        Assert.Equal(NativeErrorCode.RectOutside, Code(NativeMethods.I420Scale(source, canvas, inside with { X = 56 }, 3)));
        Assert.Equal(NativeErrorCode.RectOutside, Code(NativeMethods.I420Scale(source, canvas, inside with { X = 7 }, 3)));
        Assert.Equal(NativeErrorCode.RectOutside, Code(NativeMethods.I420Scale(source, canvas, inside with { Height = 15 }, 3)));
        Assert.Equal(NativeErrorCode.RectOutside, Code(NativeMethods.I420Scale(source, canvas, inside with { Y = -2 }, 3)));
        Assert.Equal(NativeErrorCode.RectOutside, Code(NativeMethods.I420Scale(source, canvas, inside with { X = int.MaxValue - 1 }, 3)));
        Assert.Equal(NativeErrorCode.InvalidArgument, Code(NativeMethods.I420Scale(source, canvas, inside, 4)));
        Assert.Equal(NativeErrorCode.InvalidSize, Code(NativeMethods.I420Scale(source, canvas with { Width = 63 }, inside, 3)));
        Assert.Equal(NativeErrorCode.InvalidSize, Code(NativeMethods.I420Scale(source with { Height = 0 }, canvas, inside, 3)));
        Assert.Equal(NativeErrorCode.InvalidSize, Code(NativeMethods.I420Scale(source with { StrideU = 7 }, canvas, inside, 3)));
        Assert.Equal(NativeErrorCode.BufferTooSmall, Code(NativeMethods.I420Scale(source, canvas with { SizeY = (64 * 63) + 63 }, inside, 3)));
        Assert.Equal(NativeErrorCode.InvalidSize, Code(NativeMethods.I420Copy(source with { Width = 15 }, canvas, 0, 0)));
        Assert.Equal(NativeErrorCode.RectOutside, Code(NativeMethods.I420Copy(source, canvas, 50, 0)));
        Assert.Equal(NativeErrorCode.RectOutside, Code(NativeMethods.I420Fill(canvas, inside with { Width = 0 }, 1, 2, 3)));

        byte[] packed = new byte[64 * 64 * 4];
        fixed (byte* pixels = packed)
        {
            Assert.Equal(NativeErrorCode.Ok, Code(NativeMethods.I420ToPacked(canvas, pixels, 256, packed.Length, 0)));
            Assert.Equal(NativeErrorCode.InvalidSize, Code(NativeMethods.I420ToPacked(canvas, pixels, 255, packed.Length, 0)));
            Assert.Equal(NativeErrorCode.BufferTooSmall, Code(NativeMethods.I420ToPacked(canvas, pixels, 256, packed.Length - 1, 0)));
            Assert.Equal(NativeErrorCode.InvalidArgument, Code(NativeMethods.I420ToPacked(canvas, pixels, 256, packed.Length, 3)));
            Assert.Equal(NativeErrorCode.InvalidSize, Code(NativeMethods.PackedToI420(pixels, 256, packed.Length, 0, canvas with { Height = 63 })));
            Assert.Equal(NativeErrorCode.BufferTooSmall, Code(NativeMethods.PackedToI420(pixels, 256, -1, 0, canvas)));
        }
    }

    [Fact]
    public void Opus_calls_check_frame_sizes_and_buffers_in_C()
    {
        Assert.Equal(0, NativeMethods.OpusEncoderCreate(new OpusEncoderSettings().ToNative(), out OpusEncoderHandle encoder));
        Assert.Equal(0, NativeMethods.OpusDecoderCreate(48_000, 1, out OpusDecoderHandle decoder));
        using (encoder)
        using (decoder)
        {
            short[] pcm = new short[2880];
            byte[] packet = new byte[1500];
            fixed (short* samples = pcm)
            fixed (byte* output = packet)
            {
                Assert.Equal(NativeErrorCode.InvalidSize, Code(NativeMethods.OpusEncoderEncode(encoder, samples, 720, output, 1500, out _)));
                Assert.Equal(NativeErrorCode.InvalidSize, Code(NativeMethods.OpusEncoderEncode(encoder, samples, 0, output, 1500, out _)));
                Assert.Equal(NativeErrorCode.BufferTooSmall, Code(NativeMethods.OpusEncoderEncode(encoder, samples, 960, output, 0, out _)));
                Assert.Equal(NativeErrorCode.Ok, Code(NativeMethods.OpusEncoderEncode(encoder, samples, 2880, output, 1500, out int written)));
                Assert.True(written > 0);
                Assert.Equal(NativeErrorCode.InvalidArgument, Code(NativeMethods.OpusEncoderSetPacketLoss(encoder, 101)));

                Assert.Equal(NativeErrorCode.InvalidSize, Code(NativeMethods.OpusDecoderDecode(decoder, null, 0, samples, 100, 0, out _)));
                Assert.Equal(NativeErrorCode.InvalidSize, Code(NativeMethods.OpusDecoderDecode(decoder, output, written, samples, 6000, 1, out _)));
                Assert.Equal(NativeErrorCode.NullPointer, Code(NativeMethods.OpusDecoderDecode(decoder, null, 5, samples, 960, 0, out _)));
                Assert.Equal(NativeErrorCode.NullPointer, Code(NativeMethods.OpusDecoderDecode(decoder, null, 0, samples, 960, 1, out _)));
                Assert.Equal(NativeErrorCode.InvalidArgument, Code(NativeMethods.OpusDecoderDecode(decoder, output, 0, samples, 960, 0, out _)));
                Assert.Equal(NativeErrorCode.BufferTooSmall, Code(NativeMethods.OpusDecoderDecode(decoder, output, written, samples, 0, 0, out _)));
                Assert.Equal(NativeErrorCode.BufferTooSmall, Code(NativeMethods.OpusDecoderDecode(decoder, output, written, samples, 960, 0, out _)));
                Assert.Equal(NativeErrorCode.Ok, Code(NativeMethods.OpusDecoderDecode(decoder, output, written, samples, 2880, 0, out int decoded)));
                Assert.Equal(2880, decoded);
            }
        }
    }

    private static NativeErrorCode Code(int result) => (NativeErrorCode)result;

    private static NativeErrorCode Create(NativeVp8EncoderConfig config)
    {
        int rc = NativeMethods.Vp8EncoderCreate(config, out Vp8EncoderHandle encoder);
        Assert.Equal(rc == 0, !encoder.IsInvalid);
        encoder.Dispose();
        return Code(rc);
    }

    private static NativeErrorCode CreateOpus(NativeOpusEncoderConfig config)
    {
        int rc = NativeMethods.OpusEncoderCreate(config, out OpusEncoderHandle encoder);
        Assert.Equal(rc == 0, !encoder.IsInvalid);
        encoder.Dispose();
        return Code(rc);
    }

    private static Vp8DecoderHandle CreateVp8Decoder()
    {
        Assert.Equal(0, NativeMethods.Vp8DecoderCreate(1, out Vp8DecoderHandle decoder));
        return decoder;
    }

    /// <summary>An image whose three planes share one pinned 64x64 buffer (contents do not matter).</summary>
    private static NativeI420 Image(int width, int height)
    {
        byte* plane = (byte*)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(PinnedPlane));
        return new NativeI420
        {
            Y = plane,
            U = plane,
            V = plane,
            StrideY = 64,
            StrideU = 32,
            StrideV = 32,
            SizeY = PinnedPlane.Length,
            SizeU = PinnedPlane.Length,
            SizeV = PinnedPlane.Length,
            Width = width,
            Height = height,
        };
    }
}
