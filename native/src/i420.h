/* Validation of mcu_i420 images and rectangles shared by the codec and libyuv wrappers. */
#ifndef MCU_I420_H
#define MCU_I420_H

#include "mcu_native.h"

/* Largest width or height accepted anywhere: VP8's 14-bit size field, and no int overflow. */
#define MCU_MAX_DIMENSION 16383

/*
 * MCU_OK when img has non-null planes, a positive size (even when require_even), strides of at
 * least the row width and plane sizes that cover every row; otherwise the matching error.
 */
int32_t mcu_i420_check(const mcu_i420* img, int require_even);

/* MCU_OK when rect is 2-pixel aligned, non-empty and lies inside canvas. */
int32_t mcu_rect_check(const mcu_rect* rect, const mcu_i420* canvas);

#endif
