namespace Mcu.Media.Native;

/// <summary>A failure reported by the native codec library, with its code and static message.</summary>
public sealed class NativeCodecException : Exception
{
    /// <summary>Creates an exception without a native code.</summary>
    public NativeCodecException()
    {
    }

    /// <summary>Creates an exception without a native code.</summary>
    public NativeCodecException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception without a native code.</summary>
    public NativeCodecException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an exception for a native error code and its message.</summary>
    public NativeCodecException(NativeErrorCode errorCode, string message)
        : base($"{message} (native error {(int)errorCode}: {errorCode})")
    {
        ErrorCode = errorCode;
    }

    /// <summary>The native error code, or <see cref="NativeErrorCode.Ok"/> when none applies.</summary>
    public NativeErrorCode ErrorCode { get; }
}
