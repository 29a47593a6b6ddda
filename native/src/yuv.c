/* I420 scaling, copying, filling and packed-RGB conversion over libyuv. */
#include <stddef.h>

#include <libyuv/convert.h>
#include <libyuv/convert_argb.h>
#include <libyuv/planar_functions.h>
#include <libyuv/scale.h>

#include "i420.h"

/* The planes of dst shifted to the top-left corner of an even (x, y); width/height untouched. */
static mcu_i420 offset_planes(const mcu_i420* dst, int32_t x, int32_t y) {
  mcu_i420 at = *dst;
  at.y += (ptrdiff_t)y * dst->stride_y + x;
  at.u += (ptrdiff_t)(y / 2) * dst->stride_u + x / 2;
  at.v += (ptrdiff_t)(y / 2) * dst->stride_v + x / 2;
  return at;
}

int32_t mcu_i420_scale(const mcu_i420* src, const mcu_i420* dst, const mcu_rect* rect,
                       int32_t filter) {
  int32_t rc = mcu_i420_check(src, 0);
  if (rc == MCU_OK) {
    rc = mcu_i420_check(dst, 1);
  }
  if (rc == MCU_OK) {
    rc = mcu_rect_check(rect, dst);
  }
  if (rc != MCU_OK) {
    return rc;
  }
  if (filter < MCU_FILTER_NONE || filter > MCU_FILTER_BOX) {
    return MCU_E_INVALID_ARGUMENT;
  }
  /* libyuv writes exactly width x height luma (and half that chroma) from the given origin. */
  const mcu_i420 at = offset_planes(dst, rect->x, rect->y);
  return I420Scale(src->y, src->stride_y, src->u, src->stride_u, src->v, src->stride_v,
                   src->width, src->height, at.y, at.stride_y, at.u, at.stride_u, at.v,
                   at.stride_v, rect->width, rect->height, (enum FilterMode)filter) == 0
             ? MCU_OK
             : MCU_E_CONVERSION;
}

int32_t mcu_i420_copy(const mcu_i420* src, const mcu_i420* dst, int32_t x, int32_t y) {
  int32_t rc = mcu_i420_check(src, 1);
  if (rc == MCU_OK) {
    rc = mcu_i420_check(dst, 1);
  }
  if (rc != MCU_OK) {
    return rc;
  }
  const mcu_rect rect = {x, y, src->width, src->height};
  rc = mcu_rect_check(&rect, dst);
  if (rc != MCU_OK) {
    return rc;
  }
  const mcu_i420 at = offset_planes(dst, x, y);
  return I420Copy(src->y, src->stride_y, src->u, src->stride_u, src->v, src->stride_v, at.y,
                  at.stride_y, at.u, at.stride_u, at.v, at.stride_v, src->width,
                  src->height) == 0
             ? MCU_OK
             : MCU_E_CONVERSION;
}

int32_t mcu_i420_fill(const mcu_i420* dst, const mcu_rect* rect, uint8_t y, uint8_t u,
                      uint8_t v) {
  int32_t rc = mcu_i420_check(dst, 1);
  if (rc == MCU_OK) {
    rc = mcu_rect_check(rect, dst);
  }
  if (rc != MCU_OK) {
    return rc;
  }
  const mcu_i420 at = offset_planes(dst, rect->x, rect->y);
  SetPlane(at.y, at.stride_y, rect->width, rect->height, y);
  SetPlane(at.u, at.stride_u, rect->width / 2, rect->height / 2, u);
  SetPlane(at.v, at.stride_v, rect->width / 2, rect->height / 2, v);
  return MCU_OK;
}

/* Rows of width pixels at stride must fit in size bytes. */
static int32_t check_packed(const void* pixels, int32_t stride, int32_t size, int32_t width,
                            int32_t height, int32_t format) {
  if (pixels == NULL) {
    return MCU_E_NULL_POINTER;
  }
  if (format < MCU_PIXEL_BGRA || format > MCU_PIXEL_ARGB) {
    return MCU_E_INVALID_ARGUMENT;
  }
  const int64_t row = (int64_t)width * 4;
  if (stride < row) {
    return MCU_E_INVALID_SIZE;
  }
  if (size < 0 || (int64_t)stride * (height - 1) + row > size) {
    return MCU_E_BUFFER_TOO_SMALL;
  }
  return MCU_OK;
}

int32_t mcu_i420_to_packed(const mcu_i420* src, uint8_t* dst, int32_t dst_stride,
                           int32_t dst_size, int32_t format) {
  int32_t rc = mcu_i420_check(src, 0);
  if (rc == MCU_OK) {
    rc = check_packed(dst, dst_stride, dst_size, src->width, src->height, format);
  }
  if (rc != MCU_OK) {
    return rc;
  }
  /* libyuv names by 32-bit word, so its ARGB writes bytes B,G,R,A: see mcu_pixel_format. */
  int result;
  switch (format) {
    case MCU_PIXEL_BGRA:
      result = I420ToARGB(src->y, src->stride_y, src->u, src->stride_u, src->v, src->stride_v,
                          dst, dst_stride, src->width, src->height);
      break;
    case MCU_PIXEL_RGBA:
      result = I420ToABGR(src->y, src->stride_y, src->u, src->stride_u, src->v, src->stride_v,
                          dst, dst_stride, src->width, src->height);
      break;
    default:
      result = I420ToBGRA(src->y, src->stride_y, src->u, src->stride_u, src->v, src->stride_v,
                          dst, dst_stride, src->width, src->height);
      break;
  }
  return result == 0 ? MCU_OK : MCU_E_CONVERSION;
}

int32_t mcu_packed_to_i420(const uint8_t* src, int32_t src_stride, int32_t src_size,
                           int32_t format, const mcu_i420* dst) {
  int32_t rc = mcu_i420_check(dst, 1);
  if (rc == MCU_OK) {
    rc = check_packed(src, src_stride, src_size, dst->width, dst->height, format);
  }
  if (rc != MCU_OK) {
    return rc;
  }
  int result;
  switch (format) {
    case MCU_PIXEL_BGRA:
      result = ARGBToI420(src, src_stride, dst->y, dst->stride_y, dst->u, dst->stride_u, dst->v,
                          dst->stride_v, dst->width, dst->height);
      break;
    case MCU_PIXEL_RGBA:
      result = ABGRToI420(src, src_stride, dst->y, dst->stride_y, dst->u, dst->stride_u, dst->v,
                          dst->stride_v, dst->width, dst->height);
      break;
    default:
      result = BGRAToI420(src, src_stride, dst->y, dst->stride_y, dst->u, dst->stride_u, dst->v,
                          dst->stride_v, dst->width, dst->height);
      break;
  }
  return result == 0 ? MCU_OK : MCU_E_CONVERSION;
}
