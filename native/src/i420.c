#include "i420.h"

#include <stddef.h>

/* Bytes needed for rows of row_bytes at stride: the last row need not be padded. */
static int64_t plane_extent(int32_t stride, int32_t rows, int32_t row_bytes) {
  return (int64_t)stride * (rows - 1) + row_bytes;
}

int32_t mcu_i420_check(const mcu_i420* img, int require_even) {
  if (img == NULL || img->y == NULL || img->u == NULL || img->v == NULL) {
    return MCU_E_NULL_POINTER;
  }
  if (img->width <= 0 || img->height <= 0 || img->width > MCU_MAX_DIMENSION ||
      img->height > MCU_MAX_DIMENSION) {
    return MCU_E_INVALID_SIZE;
  }
  if (require_even && ((img->width | img->height) & 1) != 0) {
    return MCU_E_INVALID_SIZE;
  }
  const int32_t chroma_w = (img->width + 1) / 2;
  const int32_t chroma_h = (img->height + 1) / 2;
  if (img->stride_y < img->width || img->stride_u < chroma_w || img->stride_v < chroma_w) {
    return MCU_E_INVALID_SIZE;
  }
  if (img->size_y < plane_extent(img->stride_y, img->height, img->width) ||
      img->size_u < plane_extent(img->stride_u, chroma_h, chroma_w) ||
      img->size_v < plane_extent(img->stride_v, chroma_h, chroma_w)) {
    return MCU_E_BUFFER_TOO_SMALL;
  }
  return MCU_OK;
}

int32_t mcu_rect_check(const mcu_rect* rect, const mcu_i420* canvas) {
  if (rect == NULL) {
    return MCU_E_NULL_POINTER;
  }
  if (rect->x < 0 || rect->y < 0 || rect->width <= 0 || rect->height <= 0) {
    return MCU_E_RECT_OUTSIDE;
  }
  /* 4:2:0 chroma covers 2x2 luma blocks: an odd edge would share chroma with outside pixels. */
  if (((rect->x | rect->y | rect->width | rect->height) & 1) != 0) {
    return MCU_E_RECT_OUTSIDE;
  }
  if ((int64_t)rect->x + rect->width > canvas->width ||
      (int64_t)rect->y + rect->height > canvas->height) {
    return MCU_E_RECT_OUTSIDE;
  }
  return MCU_OK;
}
