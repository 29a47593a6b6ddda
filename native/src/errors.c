#include "mcu_native.h"

const char* mcu_error_message(int32_t code) {
  switch (code) {
    case MCU_OK: return "success";
    case MCU_E_NULL_POINTER: return "a required pointer argument is null";
    case MCU_E_INVALID_ARGUMENT: return "an argument is outside its valid range";
    case MCU_E_INVALID_SIZE:
      return "invalid image size: width and height must be positive (and even where written to), "
             "strides at least the row width";
    case MCU_E_BUFFER_TOO_SMALL: return "a buffer is too small for the requested data";
    case MCU_E_RECT_OUTSIDE:
      return "the rectangle must lie inside the canvas with even x, y, width and height";
    case MCU_E_OUT_OF_MEMORY: return "out of memory";
    case MCU_E_CODEC_INIT: return "the codec library refused the configuration";
    case MCU_E_CODEC_CONTROL: return "the codec library refused a runtime setting";
    case MCU_E_ENCODE: return "encoding failed";
    case MCU_E_DECODE: return "the decoder rejected the data (truncated or undecodable frame)";
    case MCU_E_CORRUPT_FRAME: return "the decoder found the frame corrupt";
    case MCU_E_UNSUPPORTED_BITSTREAM: return "the data is not a bitstream this decoder supports";
    case MCU_E_INVALID_PACKET: return "malformed Opus packet";
    case MCU_E_CONVERSION: return "libyuv refused the conversion";
    case MCU_E_INTERNAL: return "internal codec library error";
    case MCU_E_UNSUPPORTED: return "not available with this C library";
    default: return "unknown error";
  }
}
