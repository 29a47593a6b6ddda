/* Opus encoder and decoder over libopus: 16-bit interleaved PCM, FEC, DTX and concealment. */
#include <stddef.h>
#include <stdlib.h>

#include <opus/opus.h>

#include "mcu_native.h"

struct mcu_opus_encoder {
  OpusEncoder* opus;
  int32_t sample_rate;
};

struct mcu_opus_decoder {
  OpusDecoder* opus;
  int32_t sample_rate;
};

static int in_range(int32_t value, int32_t lo, int32_t hi) { return value >= lo && value <= hi; }

static int valid_rate(int32_t rate) {
  return rate == 8000 || rate == 12000 || rate == 16000 || rate == 24000 || rate == 48000;
}

static int32_t map_opus_error(int err) {
  switch (err) {
    case OPUS_BAD_ARG: return MCU_E_INVALID_ARGUMENT;
    case OPUS_BUFFER_TOO_SMALL: return MCU_E_BUFFER_TOO_SMALL;
    case OPUS_INVALID_PACKET: return MCU_E_INVALID_PACKET;
    case OPUS_ALLOC_FAIL: return MCU_E_OUT_OF_MEMORY;
    default: return MCU_E_INTERNAL;
  }
}

static int32_t check_bitrate(int32_t bps) {
  return in_range(bps, 6000, 510000) ? MCU_OK : MCU_E_INVALID_ARGUMENT;
}

static int32_t configure(OpusEncoder* opus, const mcu_opus_encoder_config* c) {
  if (opus_encoder_ctl(opus, OPUS_SET_BITRATE(c->bitrate_bps)) != OPUS_OK ||
      opus_encoder_ctl(opus, OPUS_SET_COMPLEXITY(c->complexity)) != OPUS_OK ||
      opus_encoder_ctl(opus, OPUS_SET_INBAND_FEC(c->inband_fec)) != OPUS_OK ||
      opus_encoder_ctl(opus, OPUS_SET_PACKET_LOSS_PERC(c->packet_loss_pct)) != OPUS_OK ||
      opus_encoder_ctl(opus, OPUS_SET_DTX(c->dtx)) != OPUS_OK) {
    return MCU_E_CODEC_CONTROL;
  }
  return MCU_OK;
}

int32_t mcu_opus_encoder_create(const mcu_opus_encoder_config* c, mcu_opus_encoder** out) {
  if (c == NULL || out == NULL) {
    return MCU_E_NULL_POINTER;
  }
  *out = NULL;
  if (!valid_rate(c->sample_rate) || !in_range(c->channels, 1, 2) ||
      !in_range(c->application, MCU_OPUS_VOIP, MCU_OPUS_LOW_DELAY) ||
      check_bitrate(c->bitrate_bps) != MCU_OK || !in_range(c->complexity, 0, 10) ||
      !in_range(c->inband_fec, 0, 1) || !in_range(c->packet_loss_pct, 0, 100) ||
      !in_range(c->dtx, 0, 1)) {
    return MCU_E_INVALID_ARGUMENT;
  }
  static const int applications[] = {OPUS_APPLICATION_VOIP, OPUS_APPLICATION_AUDIO,
                                     OPUS_APPLICATION_RESTRICTED_LOWDELAY};
  mcu_opus_encoder* enc = calloc(1, sizeof(*enc));
  if (enc == NULL) {
    return MCU_E_OUT_OF_MEMORY;
  }
  int err = OPUS_OK;
  enc->opus = opus_encoder_create(c->sample_rate, c->channels, applications[c->application], &err);
  if (enc->opus == NULL || err != OPUS_OK) {
    if (enc->opus != NULL) {
      opus_encoder_destroy(enc->opus);
    }
    free(enc);
    return err == OPUS_ALLOC_FAIL ? MCU_E_OUT_OF_MEMORY : MCU_E_CODEC_INIT;
  }
  int32_t rc = configure(enc->opus, c);
  if (rc != MCU_OK) {
    opus_encoder_destroy(enc->opus);
    free(enc);
    return rc;
  }
  enc->sample_rate = c->sample_rate;
  *out = enc;
  return MCU_OK;
}

void mcu_opus_encoder_destroy(mcu_opus_encoder* enc) {
  if (enc == NULL) {
    return;
  }
  opus_encoder_destroy(enc->opus);
  free(enc);
}

int32_t mcu_opus_encoder_encode(mcu_opus_encoder* enc, const int16_t* pcm,
                                int32_t samples_per_channel, uint8_t* out, int32_t capacity,
                                int32_t* out_written) {
  if (enc == NULL || pcm == NULL || out == NULL || out_written == NULL) {
    return MCU_E_NULL_POINTER;
  }
  *out_written = 0;
  const int32_t per_10ms = enc->sample_rate / 100;
  const int32_t tens = samples_per_channel / per_10ms;
  if (samples_per_channel % per_10ms != 0 || (tens != 1 && tens != 2 && tens != 4 && tens != 6)) {
    return MCU_E_INVALID_SIZE;
  }
  if (capacity <= 0) {
    return MCU_E_BUFFER_TOO_SMALL;
  }
  const opus_int32 n = opus_encode(enc->opus, pcm, samples_per_channel, out, capacity);
  if (n < 0) {
    return map_opus_error(n);
  }
  *out_written = n;
  return MCU_OK;
}

int32_t mcu_opus_encoder_set_bitrate(mcu_opus_encoder* enc, int32_t bitrate_bps) {
  if (enc == NULL) {
    return MCU_E_NULL_POINTER;
  }
  if (check_bitrate(bitrate_bps) != MCU_OK) {
    return MCU_E_INVALID_ARGUMENT;
  }
  return opus_encoder_ctl(enc->opus, OPUS_SET_BITRATE(bitrate_bps)) == OPUS_OK
             ? MCU_OK
             : MCU_E_CODEC_CONTROL;
}

int32_t mcu_opus_encoder_set_packet_loss(mcu_opus_encoder* enc, int32_t packet_loss_pct) {
  if (enc == NULL) {
    return MCU_E_NULL_POINTER;
  }
  if (!in_range(packet_loss_pct, 0, 100)) {
    return MCU_E_INVALID_ARGUMENT;
  }
  return opus_encoder_ctl(enc->opus, OPUS_SET_PACKET_LOSS_PERC(packet_loss_pct)) == OPUS_OK
             ? MCU_OK
             : MCU_E_CODEC_CONTROL;
}

int32_t mcu_opus_decoder_create(int32_t sample_rate, int32_t channels, mcu_opus_decoder** out) {
  if (out == NULL) {
    return MCU_E_NULL_POINTER;
  }
  *out = NULL;
  if (!valid_rate(sample_rate) || !in_range(channels, 1, 2)) {
    return MCU_E_INVALID_ARGUMENT;
  }
  mcu_opus_decoder* dec = calloc(1, sizeof(*dec));
  if (dec == NULL) {
    return MCU_E_OUT_OF_MEMORY;
  }
  int err = OPUS_OK;
  dec->opus = opus_decoder_create(sample_rate, channels, &err);
  if (dec->opus == NULL || err != OPUS_OK) {
    if (dec->opus != NULL) {
      opus_decoder_destroy(dec->opus);
    }
    free(dec);
    return err == OPUS_ALLOC_FAIL ? MCU_E_OUT_OF_MEMORY : MCU_E_CODEC_INIT;
  }
  dec->sample_rate = sample_rate;
  *out = dec;
  return MCU_OK;
}

void mcu_opus_decoder_destroy(mcu_opus_decoder* dec) {
  if (dec == NULL) {
    return;
  }
  opus_decoder_destroy(dec->opus);
  free(dec);
}

int32_t mcu_opus_decoder_decode(mcu_opus_decoder* dec, const uint8_t* data, int32_t size,
                                int16_t* pcm, int32_t capacity_per_channel, int32_t decode_fec,
                                int32_t* out_samples_per_channel) {
  if (dec == NULL || pcm == NULL || out_samples_per_channel == NULL) {
    return MCU_E_NULL_POINTER;
  }
  *out_samples_per_channel = 0;
  if (decode_fec != 0 && decode_fec != 1) {
    return MCU_E_INVALID_ARGUMENT;
  }
  const int32_t max_samples = dec->sample_rate / 1000 * 120; /* RFC 6716 3.2.5: 120 ms */
  if (capacity_per_channel <= 0) {
    return MCU_E_BUFFER_TOO_SMALL;
  }
  if (data == NULL) {
    if (size != 0 || decode_fec) {
      return MCU_E_NULL_POINTER;
    }
  } else if (size <= 0) {
    return MCU_E_INVALID_ARGUMENT;
  }
  int32_t frame_size = capacity_per_channel;
  if (data == NULL || decode_fec) {
    /* Concealment and FEC synthesise exactly this duration, in libopus's 2.5 ms steps. */
    if (frame_size > max_samples || frame_size % (dec->sample_rate / 400) != 0) {
      return MCU_E_INVALID_SIZE;
    }
  } else if (frame_size > max_samples) {
    frame_size = max_samples; /* no packet is longer; a bigger buffer is simply not filled */
  }
  const int n = opus_decode(dec->opus, data, size, pcm, frame_size, decode_fec);
  if (n < 0) {
    return map_opus_error(n);
  }
  *out_samples_per_channel = n;
  return MCU_OK;
}
