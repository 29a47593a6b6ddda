namespace Mcu.Media.Native;

/// <summary>The error codes of the native library (enum mcu_error in mcu_native.h).</summary>
public enum NativeErrorCode
{
    /// <summary>Success.</summary>
    Ok = 0,

    /// <summary>A required pointer was null.</summary>
    NullPointer = -1,

    /// <summary>A value outside its documented range.</summary>
    InvalidArgument = -2,

    /// <summary>Zero, negative or odd width/height, or a stride below the row.</summary>
    InvalidSize = -3,

    /// <summary>A plane or output buffer cannot hold what was asked.</summary>
    BufferTooSmall = -4,

    /// <summary>A rectangle is outside the canvas or not 2-pixel aligned.</summary>
    RectOutside = -5,

    /// <summary>The library ran out of memory.</summary>
    OutOfMemory = -6,

    /// <summary>The codec library refused the configuration.</summary>
    CodecInit = -7,

    /// <summary>The codec library refused a runtime setting.</summary>
    CodecControl = -8,

    /// <summary>The encoder failed.</summary>
    Encode = -9,

    /// <summary>The decoder rejected the data.</summary>
    Decode = -10,

    /// <summary>The decoder found the frame corrupt.</summary>
    CorruptFrame = -11,

    /// <summary>Not a bitstream this decoder supports.</summary>
    UnsupportedBitstream = -12,

    /// <summary>A malformed Opus packet.</summary>
    InvalidPacket = -13,

    /// <summary>libyuv refused the conversion.</summary>
    Conversion = -14,

    /// <summary>An unexpected failure inside a codec library.</summary>
    Internal = -15,

    /// <summary>Not available with this C library (the heap functions need glibc).</summary>
    Unsupported = -16,
}
