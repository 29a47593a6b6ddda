/* VP8 decoder over libvpx: hands out the decoder's own planes and reports damaged frames. */
#include <stddef.h>
#include <stdlib.h>

#include <vpx/vp8dx.h>
#include <vpx/vpx_decoder.h>

#include "i420.h"

struct mcu_vp8_decoder {
  vpx_codec_ctx_t codec;
};

int32_t mcu_vp8_decoder_create(int32_t threads, mcu_vp8_decoder** out) {
  if (out == NULL) {
    return MCU_E_NULL_POINTER;
  }
  *out = NULL;
  if (threads < 1 || threads > 16) {
    return MCU_E_INVALID_ARGUMENT;
  }
  mcu_vp8_decoder* dec = calloc(1, sizeof(*dec));
  if (dec == NULL) {
    return MCU_E_OUT_OF_MEMORY;
  }
  vpx_codec_dec_cfg_t cfg = {.threads = (unsigned int)threads, .w = 0, .h = 0};
  vpx_codec_err_t err = vpx_codec_dec_init(&dec->codec, vpx_codec_vp8_dx(), &cfg, 0);
  if (err != VPX_CODEC_OK) {
    free(dec);
    return err == VPX_CODEC_MEM_ERROR ? MCU_E_OUT_OF_MEMORY : MCU_E_CODEC_INIT;
  }
  *out = dec;
  return MCU_OK;
}

void mcu_vp8_decoder_destroy(mcu_vp8_decoder* dec) {
  if (dec == NULL) {
    return;
  }
  vpx_codec_destroy(&dec->codec);
  free(dec);
}

static int32_t map_decode_error(vpx_codec_err_t err) {
  switch (err) {
    case VPX_CODEC_MEM_ERROR: return MCU_E_OUT_OF_MEMORY;
    case VPX_CODEC_CORRUPT_FRAME: return MCU_E_CORRUPT_FRAME;
    case VPX_CODEC_UNSUP_BITSTREAM:
    case VPX_CODEC_UNSUP_FEATURE:
    case VPX_CODEC_INCAPABLE: return MCU_E_UNSUPPORTED_BITSTREAM;
    default: return MCU_E_DECODE;
  }
}

int32_t mcu_vp8_decoder_decode(mcu_vp8_decoder* dec, const uint8_t* data, int32_t size,
                               mcu_i420* out, int32_t* out_flags) {
  if (dec == NULL || data == NULL || out == NULL || out_flags == NULL) {
    return MCU_E_NULL_POINTER;
  }
  *out = (mcu_i420){0};
  *out_flags = 0;
  /* An empty buffer means "frames were lost" to libvpx; a caller never has such a frame. */
  if (size <= 0) {
    return MCU_E_INVALID_ARGUMENT;
  }
  vpx_codec_err_t err = vpx_codec_decode(&dec->codec, data, (unsigned int)size, NULL, 0);
  if (err != VPX_CODEC_OK) {
    return map_decode_error(err);
  }
  int corrupted = 0;
  if (vpx_codec_control(&dec->codec, VP8D_GET_FRAME_CORRUPTED, &corrupted) != VPX_CODEC_OK) {
    return MCU_E_INTERNAL;
  }
  if (corrupted) {
    *out_flags |= MCU_VP8_CORRUPTED;
  }
  vpx_codec_iter_t iter = NULL;
  const vpx_image_t* img = vpx_codec_get_frame(&dec->codec, &iter);
  if (img == NULL) {
    return MCU_OK;
  }
  if (img->fmt != VPX_IMG_FMT_I420 || img->d_w == 0 || img->d_h == 0 ||
      img->d_w > MCU_MAX_DIMENSION || img->d_h > MCU_MAX_DIMENSION) {
    return MCU_E_UNSUPPORTED_BITSTREAM;
  }
  const int32_t width = (int32_t)img->d_w;
  const int32_t height = (int32_t)img->d_h;
  const int32_t chroma_w = (width + 1) / 2;
  const int32_t chroma_h = (height + 1) / 2;
  out->y = img->planes[VPX_PLANE_Y];
  out->u = img->planes[VPX_PLANE_U];
  out->v = img->planes[VPX_PLANE_V];
  out->stride_y = img->stride[VPX_PLANE_Y];
  out->stride_u = img->stride[VPX_PLANE_U];
  out->stride_v = img->stride[VPX_PLANE_V];
  out->width = width;
  out->height = height;
  out->size_y = out->stride_y * (height - 1) + width;
  out->size_u = out->stride_u * (chroma_h - 1) + chroma_w;
  out->size_v = out->stride_v * (chroma_h - 1) + chroma_w;
  *out_flags |= MCU_VP8_DECODED_FRAME;
  return MCU_OK;
}
