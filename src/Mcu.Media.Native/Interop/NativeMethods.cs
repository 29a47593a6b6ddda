using System.Runtime.InteropServices;

namespace Mcu.Media.Native.Interop;

/// <summary>The C API of native/include/mcu_native.h; every int result is an <see cref="NativeErrorCode"/>.</summary>
internal static unsafe partial class NativeMethods
{
    private const string Library = "mcunative";

    [LibraryImport(Library, EntryPoint = "mcu_error_message")]
    internal static partial byte* ErrorMessage(int code);

    [LibraryImport(Library, EntryPoint = "mcu_heap_configure")]
    internal static partial int HeapConfigure(int mmapThreshold, int arenaMax);

    [LibraryImport(Library, EntryPoint = "mcu_heap_trim")]
    internal static partial int HeapTrim(out int released);

    [LibraryImport(Library, EntryPoint = "mcu_vp8_encoder_create")]
    internal static partial int Vp8EncoderCreate(in NativeVp8EncoderConfig config, out Vp8EncoderHandle encoder);

    [LibraryImport(Library, EntryPoint = "mcu_vp8_encoder_destroy")]
    internal static partial void Vp8EncoderDestroy(nint encoder);

    [LibraryImport(Library, EntryPoint = "mcu_vp8_encoder_encode")]
    internal static partial int Vp8EncoderEncode(Vp8EncoderHandle encoder, in NativeI420 frame, long pts, int forceKeyframe, out NativeVp8Packet packet);

    [LibraryImport(Library, EntryPoint = "mcu_vp8_encoder_set_bitrate")]
    internal static partial int Vp8EncoderSetBitrate(Vp8EncoderHandle encoder, int bitrateBps);

    [LibraryImport(Library, EntryPoint = "mcu_vp8_decoder_create")]
    internal static partial int Vp8DecoderCreate(int threads, out Vp8DecoderHandle decoder);

    [LibraryImport(Library, EntryPoint = "mcu_vp8_decoder_destroy")]
    internal static partial void Vp8DecoderDestroy(nint decoder);

    [LibraryImport(Library, EntryPoint = "mcu_vp8_decoder_decode")]
    internal static partial int Vp8DecoderDecode(Vp8DecoderHandle decoder, byte* data, int size, out NativeI420 frame, out int flags);

    [LibraryImport(Library, EntryPoint = "mcu_vp8_decoder_keep_picture")]
    internal static partial int Vp8DecoderKeepPicture(Vp8DecoderHandle decoder, out nint picture, out NativeI420 planes);

    [LibraryImport(Library, EntryPoint = "mcu_vp8_picture_release")]
    internal static partial void Vp8PictureRelease(nint picture);

    [LibraryImport(Library, EntryPoint = "mcu_opus_encoder_create")]
    internal static partial int OpusEncoderCreate(in NativeOpusEncoderConfig config, out OpusEncoderHandle encoder);

    [LibraryImport(Library, EntryPoint = "mcu_opus_encoder_destroy")]
    internal static partial void OpusEncoderDestroy(nint encoder);

    [LibraryImport(Library, EntryPoint = "mcu_opus_encoder_encode")]
    internal static partial int OpusEncoderEncode(OpusEncoderHandle encoder, short* pcm, int samplesPerChannel, byte* output, int capacity, out int written);

    [LibraryImport(Library, EntryPoint = "mcu_opus_encoder_set_bitrate")]
    internal static partial int OpusEncoderSetBitrate(OpusEncoderHandle encoder, int bitrateBps);

    [LibraryImport(Library, EntryPoint = "mcu_opus_encoder_set_packet_loss")]
    internal static partial int OpusEncoderSetPacketLoss(OpusEncoderHandle encoder, int packetLossPercent);

    [LibraryImport(Library, EntryPoint = "mcu_opus_decoder_create")]
    internal static partial int OpusDecoderCreate(int sampleRate, int channels, out OpusDecoderHandle decoder);

    [LibraryImport(Library, EntryPoint = "mcu_opus_decoder_destroy")]
    internal static partial void OpusDecoderDestroy(nint decoder);

    [LibraryImport(Library, EntryPoint = "mcu_opus_decoder_decode")]
    internal static partial int OpusDecoderDecode(OpusDecoderHandle decoder, byte* data, int size, short* pcm, int capacityPerChannel, int decodeFec, out int samplesPerChannel);

    [LibraryImport(Library, EntryPoint = "mcu_i420_scale")]
    internal static partial int I420Scale(in NativeI420 source, in NativeI420 destination, in NativeRect rect, int filter);

    [LibraryImport(Library, EntryPoint = "mcu_i420_copy")]
    internal static partial int I420Copy(in NativeI420 source, in NativeI420 destination, int x, int y);

    [LibraryImport(Library, EntryPoint = "mcu_i420_fill")]
    internal static partial int I420Fill(in NativeI420 destination, in NativeRect rect, byte y, byte u, byte v);

    [LibraryImport(Library, EntryPoint = "mcu_i420_to_packed")]
    internal static partial int I420ToPacked(in NativeI420 source, byte* destination, int stride, int size, int format);

    [LibraryImport(Library, EntryPoint = "mcu_packed_to_i420")]
    internal static partial int PackedToI420(byte* source, int stride, int size, int format, in NativeI420 destination);

    /// <summary>The library's static message for a code (never freed: it is not ours).</summary>
    internal static string Message(int code) => Marshal.PtrToStringUTF8((nint)ErrorMessage(code)) ?? string.Empty;
}
