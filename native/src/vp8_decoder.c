/*
 * VP8 decoder over libavcodec's own VP8 decoder (the one ffmpeg uses: faster than libvpx's on
 * our streams). Pictures are reference-counted, so a caller can keep one (mcu_vp8_picture) and
 * read it on another thread while later frames decode into other buffers: no copy.
 */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include <libavcodec/avcodec.h>
#include <libavutil/frame.h>
#include <libavutil/log.h>

#include "i420.h"

struct mcu_vp8_decoder {
  AVCodecContext* ctx;
  AVPacket* packet;
  AVFrame* frame;
  /* Padded copy of the input: libavcodec reads up to AV_INPUT_BUFFER_PADDING_SIZE past the end. */
  AVBufferRef* input;
  /* Set when a frame was lost to the decoder; cleared by the next keyframe it decodes. */
  int damaged;
};

int32_t mcu_vp8_decoder_create(int32_t threads, mcu_vp8_decoder** out) {
  if (out == NULL) {
    return MCU_E_NULL_POINTER;
  }
  *out = NULL;
  if (threads < 1 || threads > 16) {
    return MCU_E_INVALID_ARGUMENT;
  }
  /* Hostile input is counted by the caller; libavcodec must not print it to the server's log. */
  av_log_set_level(AV_LOG_QUIET);
  const AVCodec* codec = avcodec_find_decoder(AV_CODEC_ID_VP8);
  if (codec == NULL) {
    return MCU_E_CODEC_INIT;
  }
  mcu_vp8_decoder* dec = calloc(1, sizeof(*dec));
  if (dec == NULL) {
    return MCU_E_OUT_OF_MEMORY;
  }
  dec->ctx = avcodec_alloc_context3(codec);
  dec->packet = av_packet_alloc();
  dec->frame = av_frame_alloc();
  if (dec->ctx == NULL || dec->packet == NULL || dec->frame == NULL) {
    mcu_vp8_decoder_destroy(dec);
    return MCU_E_OUT_OF_MEMORY;
  }
  dec->ctx->thread_count = threads;
  /* Slice threads only: frame threads would hold pictures back and break one frame in, one out. */
  dec->ctx->thread_type = FF_THREAD_SLICE;
  if (avcodec_open2(dec->ctx, codec, NULL) < 0) {
    mcu_vp8_decoder_destroy(dec);
    return MCU_E_CODEC_INIT;
  }
  dec->damaged = 1; /* nothing to predict from until the first keyframe */
  *out = dec;
  return MCU_OK;
}

void mcu_vp8_decoder_destroy(mcu_vp8_decoder* dec) {
  if (dec == NULL) {
    return;
  }
  /* Pictures still kept by callers hold their buffers (and libavcodec's pool) alive. */
  avcodec_free_context(&dec->ctx);
  av_packet_free(&dec->packet);
  av_frame_free(&dec->frame);
  av_buffer_unref(&dec->input);
  free(dec);
}

/* A writable input buffer of at least size + padding bytes, reused while nobody else holds it. */
static int32_t prepare_input(mcu_vp8_decoder* dec, int32_t size) {
  const size_t needed = (size_t)size + AV_INPUT_BUFFER_PADDING_SIZE;
  if (dec->input != NULL && dec->input->size >= needed && av_buffer_is_writable(dec->input)) {
    return MCU_OK;
  }
  av_buffer_unref(&dec->input);
  size_t capacity = needed < 16384 ? 16384 : needed + needed / 2;
  dec->input = av_buffer_allocz(capacity);
  return dec->input == NULL ? MCU_E_OUT_OF_MEMORY : MCU_OK;
}

static void describe(const AVFrame* frame, mcu_i420* out) {
  const int32_t width = frame->width;
  const int32_t height = frame->height;
  const int32_t chroma_w = (width + 1) / 2;
  const int32_t chroma_h = (height + 1) / 2;
  out->y = frame->data[0];
  out->u = frame->data[1];
  out->v = frame->data[2];
  out->stride_y = frame->linesize[0];
  out->stride_u = frame->linesize[1];
  out->stride_v = frame->linesize[2];
  out->width = width;
  out->height = height;
  out->size_y = out->stride_y * (height - 1) + width;
  out->size_u = out->stride_u * (chroma_h - 1) + chroma_w;
  out->size_v = out->stride_v * (chroma_h - 1) + chroma_w;
}

/* The first byte's low bit is 0 for a keyframe (RFC 6386 section 9.1). */
static int is_keyframe(const uint8_t* data, int32_t size) { return size >= 10 && (data[0] & 1) == 0; }

int32_t mcu_vp8_decoder_decode(mcu_vp8_decoder* dec, const uint8_t* data, int32_t size,
                               mcu_i420* out, int32_t* out_flags) {
  if (dec == NULL || data == NULL || out == NULL || out_flags == NULL) {
    return MCU_E_NULL_POINTER;
  }
  *out = (mcu_i420){0};
  *out_flags = 0;
  av_frame_unref(dec->frame);
  if (size <= 0) {
    return MCU_E_INVALID_ARGUMENT;
  }
  int32_t rc = prepare_input(dec, size);
  if (rc != MCU_OK) {
    return rc;
  }
  memcpy(dec->input->data, data, (size_t)size);
  memset(dec->input->data + size, 0, AV_INPUT_BUFFER_PADDING_SIZE);
  dec->packet->buf = av_buffer_ref(dec->input);
  if (dec->packet->buf == NULL) {
    return MCU_E_OUT_OF_MEMORY;
  }
  dec->packet->data = dec->input->data;
  dec->packet->size = size;
  int sent = avcodec_send_packet(dec->ctx, dec->packet);
  av_packet_unref(dec->packet);
  int received = sent < 0 ? sent : avcodec_receive_frame(dec->ctx, dec->frame);
  if (sent == AVERROR(ENOMEM) || received == AVERROR(ENOMEM)) {
    return MCU_E_OUT_OF_MEMORY;
  }
  if (sent < 0 || (received < 0 && received != AVERROR(EAGAIN))) {
    /* Whatever follows predicts from a picture the decoder never made. */
    dec->damaged = 1;
    return sent == AVERROR_PATCHWELCOME || received == AVERROR_PATCHWELCOME
               ? MCU_E_UNSUPPORTED_BITSTREAM
               : MCU_E_DECODE;
  }
  if (received == AVERROR(EAGAIN)) {
    return MCU_OK; /* a frame that shows nothing (e.g. an invisible altref) */
  }
  const AVFrame* frame = dec->frame;
  if (frame->format != AV_PIX_FMT_YUV420P || frame->width <= 0 || frame->height <= 0 ||
      frame->width > MCU_MAX_DIMENSION || frame->height > MCU_MAX_DIMENSION) {
    av_frame_unref(dec->frame);
    dec->damaged = 1;
    return MCU_E_UNSUPPORTED_BITSTREAM;
  }
  if (is_keyframe(data, size)) {
    dec->damaged = 0;
  }
  if (dec->damaged || frame->decode_error_flags != 0 || (frame->flags & AV_FRAME_FLAG_CORRUPT)) {
    *out_flags |= MCU_VP8_CORRUPTED;
  }
  describe(frame, out);
  *out_flags |= MCU_VP8_DECODED_FRAME;
  return MCU_OK;
}

int32_t mcu_vp8_decoder_keep_picture(mcu_vp8_decoder* dec, mcu_vp8_picture** out,
                                     mcu_i420* planes) {
  if (dec == NULL || out == NULL || planes == NULL) {
    return MCU_E_NULL_POINTER;
  }
  *out = NULL;
  *planes = (mcu_i420){0};
  if (dec->frame->buf[0] == NULL) {
    return MCU_E_INVALID_ARGUMENT;
  }
  /* The picture is an AVFrame of its own: its buffers move to it, and the next decode gets new
     ones from libavcodec's pool. */
  AVFrame* frame = av_frame_alloc();
  if (frame == NULL) {
    return MCU_E_OUT_OF_MEMORY;
  }
  av_frame_move_ref(frame, dec->frame);
  describe(frame, planes);
  *out = (mcu_vp8_picture*)frame;
  return MCU_OK;
}

void mcu_vp8_picture_release(mcu_vp8_picture* picture) {
  AVFrame* frame = (AVFrame*)picture;
  av_frame_free(&frame);
}
