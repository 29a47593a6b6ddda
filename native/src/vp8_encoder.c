/* VP8 realtime CBR encoder over libvpx: fixed speed, no look-ahead, runtime bitrate and keyframes. */
#include <stdlib.h>

#include <vpx/vp8cx.h>
#include <vpx/vpx_encoder.h>

#include "i420.h"

/* The RTP video clock: pts and durations reach libvpx in these units. */
#define MCU_VP8_TIMEBASE 90000

struct mcu_vp8_encoder {
  vpx_codec_ctx_t codec;
  vpx_codec_enc_cfg_t cfg;
  int64_t last_pts;
  int has_last_pts;
  unsigned long nominal_duration;
};

static int in_range(int32_t value, int32_t lo, int32_t hi) { return value >= lo && value <= hi; }

static unsigned int bps_to_kbps(int32_t bps) { return (unsigned int)((bps + 500) / 1000); }

static int32_t check_config(const mcu_vp8_encoder_config* c) {
  if (!in_range(c->width, 2, MCU_MAX_DIMENSION - 1) ||
      !in_range(c->height, 2, MCU_MAX_DIMENSION - 1) || ((c->width | c->height) & 1) != 0) {
    return MCU_E_INVALID_SIZE;
  }
  const int ok =
      in_range(c->fps_num, 1, 1000) && in_range(c->fps_den, 1, 1000) &&
      in_range(c->bitrate_bps, 10000, 100000000) &&
      /* Positive cpu-used lets libvpx pick its own speed in realtime mode; keep it fixed. */
      in_range(c->speed, -16, -1) && in_range(c->threads, 1, 16) &&
      in_range(c->keyframe_interval, 1, 100000) && in_range(c->token_partitions, 0, 3) &&
      in_range(c->error_resilient, 0, 1) && in_range(c->min_quantizer, 0, 63) &&
      in_range(c->max_quantizer, c->min_quantizer, 63) &&
      in_range(c->buffer_size_ms, 1, 60000) &&
      in_range(c->buffer_initial_ms, 1, c->buffer_size_ms) &&
      in_range(c->buffer_optimal_ms, 1, c->buffer_size_ms) &&
      in_range(c->undershoot_pct, 0, 100) && in_range(c->overshoot_pct, 0, 100) &&
      in_range(c->max_intra_bitrate_pct, 0, 10000) && in_range(c->static_threshold, 0, 100000) &&
      in_range(c->noise_sensitivity, 0, 6) && in_range(c->drop_frame_threshold, 0, 100);
  return ok ? MCU_OK : MCU_E_INVALID_ARGUMENT;
}

static int32_t map_vpx_error(vpx_codec_err_t err, int32_t fallback) {
  switch (err) {
    case VPX_CODEC_OK: return MCU_OK;
    case VPX_CODEC_MEM_ERROR: return MCU_E_OUT_OF_MEMORY;
    case VPX_CODEC_INVALID_PARAM: return MCU_E_INVALID_ARGUMENT;
    default: return fallback;
  }
}

static int32_t apply_controls(vpx_codec_ctx_t* codec, const mcu_vp8_encoder_config* c) {
  if (vpx_codec_control(codec, VP8E_SET_CPUUSED, c->speed) != VPX_CODEC_OK ||
      vpx_codec_control(codec, VP8E_SET_STATIC_THRESHOLD, (unsigned int)c->static_threshold) !=
          VPX_CODEC_OK ||
      vpx_codec_control(codec, VP8E_SET_NOISE_SENSITIVITY, (unsigned int)c->noise_sensitivity) !=
          VPX_CODEC_OK ||
      vpx_codec_control(codec, VP8E_SET_TOKEN_PARTITIONS, c->token_partitions) != VPX_CODEC_OK ||
      vpx_codec_control(codec, VP8E_SET_MAX_INTRA_BITRATE_PCT,
                        (unsigned int)c->max_intra_bitrate_pct) != VPX_CODEC_OK ||
      vpx_codec_control(codec, VP8E_SET_ENABLEAUTOALTREF, 0) != VPX_CODEC_OK) {
    return MCU_E_CODEC_CONTROL;
  }
  return MCU_OK;
}

int32_t mcu_vp8_encoder_create(const mcu_vp8_encoder_config* c, mcu_vp8_encoder** out) {
  if (c == NULL || out == NULL) {
    return MCU_E_NULL_POINTER;
  }
  *out = NULL;
  int32_t rc = check_config(c);
  if (rc != MCU_OK) {
    return rc;
  }
  mcu_vp8_encoder* enc = calloc(1, sizeof(*enc));
  if (enc == NULL) {
    return MCU_E_OUT_OF_MEMORY;
  }
  vpx_codec_enc_cfg_t* cfg = &enc->cfg;
  if (vpx_codec_enc_config_default(vpx_codec_vp8_cx(), cfg, 0) != VPX_CODEC_OK) {
    free(enc);
    return MCU_E_CODEC_INIT;
  }
  cfg->g_w = (unsigned int)c->width;
  cfg->g_h = (unsigned int)c->height;
  cfg->g_timebase.num = 1;
  cfg->g_timebase.den = MCU_VP8_TIMEBASE;
  cfg->g_threads = (unsigned int)c->threads;
  cfg->g_error_resilient = c->error_resilient ? VPX_ERROR_RESILIENT_DEFAULT : 0;
  cfg->g_pass = VPX_RC_ONE_PASS;
  /* Realtime: every input frame comes out of the same encode call, no look-ahead. */
  cfg->g_lag_in_frames = 0;
  cfg->rc_end_usage = VPX_CBR;
  cfg->rc_target_bitrate = bps_to_kbps(c->bitrate_bps);
  cfg->rc_min_quantizer = (unsigned int)c->min_quantizer;
  cfg->rc_max_quantizer = (unsigned int)c->max_quantizer;
  cfg->rc_undershoot_pct = (unsigned int)c->undershoot_pct;
  cfg->rc_overshoot_pct = (unsigned int)c->overshoot_pct;
  cfg->rc_buf_sz = (unsigned int)c->buffer_size_ms;
  cfg->rc_buf_initial_sz = (unsigned int)c->buffer_initial_ms;
  cfg->rc_buf_optimal_sz = (unsigned int)c->buffer_optimal_ms;
  cfg->rc_dropframe_thresh = (unsigned int)c->drop_frame_threshold;
  cfg->rc_resize_allowed = 0;
  cfg->kf_mode = VPX_KF_AUTO;
  cfg->kf_min_dist = 0;
  cfg->kf_max_dist = (unsigned int)c->keyframe_interval;

  vpx_codec_err_t err = vpx_codec_enc_init(&enc->codec, vpx_codec_vp8_cx(), cfg, 0);
  if (err != VPX_CODEC_OK) {
    free(enc);
    return map_vpx_error(err, MCU_E_CODEC_INIT);
  }
  rc = apply_controls(&enc->codec, c);
  if (rc != MCU_OK) {
    vpx_codec_destroy(&enc->codec);
    free(enc);
    return rc;
  }
  enc->nominal_duration =
      (unsigned long)(((int64_t)MCU_VP8_TIMEBASE * c->fps_den + c->fps_num / 2) / c->fps_num);
  *out = enc;
  return MCU_OK;
}

void mcu_vp8_encoder_destroy(mcu_vp8_encoder* enc) {
  if (enc == NULL) {
    return;
  }
  vpx_codec_destroy(&enc->codec);
  free(enc);
}

int32_t mcu_vp8_encoder_encode(mcu_vp8_encoder* enc, const mcu_i420* frame, int64_t pts,
                               int32_t force_keyframe, mcu_vp8_packet* out) {
  if (enc == NULL || out == NULL) {
    return MCU_E_NULL_POINTER;
  }
  out->data = NULL;
  out->size = 0;
  out->keyframe = 0;
  out->pts = pts;
  int32_t rc = mcu_i420_check(frame, 1);
  if (rc != MCU_OK) {
    return rc;
  }
  if ((unsigned int)frame->width != enc->cfg.g_w || (unsigned int)frame->height != enc->cfg.g_h) {
    return MCU_E_INVALID_SIZE;
  }
  if ((enc->has_last_pts && pts <= enc->last_pts) || (force_keyframe != 0 && force_keyframe != 1)) {
    return MCU_E_INVALID_ARGUMENT;
  }

  /* Wrap the caller's planes without copying; libvpx copies into its own look-ahead buffer. */
  vpx_image_t img;
  if (vpx_img_wrap(&img, VPX_IMG_FMT_I420, (unsigned int)frame->width,
                   (unsigned int)frame->height, 1, frame->y) == NULL) {
    return MCU_E_INTERNAL;
  }
  img.planes[VPX_PLANE_U] = frame->u;
  img.planes[VPX_PLANE_V] = frame->v;
  img.stride[VPX_PLANE_Y] = frame->stride_y;
  img.stride[VPX_PLANE_U] = frame->stride_u;
  img.stride[VPX_PLANE_V] = frame->stride_v;

  /* Rate control budgets each frame by its duration: use the real gap when there is one. */
  const int64_t gap = enc->has_last_pts ? pts - enc->last_pts : 0;
  const unsigned long duration =
      gap > 0 && gap <= MCU_VP8_TIMEBASE * 10 ? (unsigned long)gap : enc->nominal_duration;
  const vpx_enc_frame_flags_t flags = force_keyframe ? VPX_EFLAG_FORCE_KF : 0;
  vpx_codec_err_t err = vpx_codec_encode(&enc->codec, &img, pts, duration, flags, VPX_DL_REALTIME);
  if (err != VPX_CODEC_OK) {
    return map_vpx_error(err, MCU_E_ENCODE);
  }
  enc->last_pts = pts;
  enc->has_last_pts = 1;

  vpx_codec_iter_t iter = NULL;
  const vpx_codec_cx_pkt_t* pkt;
  int frames = 0;
  while ((pkt = vpx_codec_get_cx_data(&enc->codec, &iter)) != NULL) {
    if (pkt->kind != VPX_CODEC_CX_FRAME_PKT) {
      continue;
    }
    /* With no look-ahead and no partition output, one input frame gives at most one packet. */
    if (++frames > 1 || pkt->data.frame.sz > INT32_MAX) {
      return MCU_E_INTERNAL;
    }
    out->data = pkt->data.frame.buf;
    out->size = (int32_t)pkt->data.frame.sz;
    out->keyframe = (pkt->data.frame.flags & VPX_FRAME_IS_KEY) != 0;
  }
  return MCU_OK;
}

int32_t mcu_vp8_encoder_set_bitrate(mcu_vp8_encoder* enc, int32_t bitrate_bps) {
  if (enc == NULL) {
    return MCU_E_NULL_POINTER;
  }
  if (!in_range(bitrate_bps, 10000, 100000000)) {
    return MCU_E_INVALID_ARGUMENT;
  }
  const unsigned int previous = enc->cfg.rc_target_bitrate;
  enc->cfg.rc_target_bitrate = bps_to_kbps(bitrate_bps);
  if (vpx_codec_enc_config_set(&enc->codec, &enc->cfg) != VPX_CODEC_OK) {
    enc->cfg.rc_target_bitrate = previous;
    return MCU_E_CODEC_CONTROL;
  }
  return MCU_OK;
}
