/*
 * mcu_native: a flat C API over libvpx (VP8 encode), libavcodec (VP8 decode), libopus and libyuv
 * for the MCU's managed code.
 *
 * Conventions:
 *  - Every function returns MCU_OK (0) or a negative MCU_E_* code; mcu_error_message() maps a
 *    code to a static string. Nothing here aborts, prints or keeps global mutable state.
 *  - Objects are created with *_create(..., &out) and released with *_destroy (NULL is allowed).
 *  - An object is not thread-safe; callers serialise access to each one.
 *  - Sizes are int32_t so that they cross into .NET without conversions.
 */
#ifndef MCU_NATIVE_H
#define MCU_NATIVE_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(MCU_NATIVE_BUILD)
#define MCU_API __attribute__((visibility("default")))
#else
#define MCU_API
#endif

/* ---- errors ---------------------------------------------------------------------------- */

enum mcu_error {
  MCU_OK = 0,
  MCU_E_NULL_POINTER = -1,      /* a required pointer argument was NULL */
  MCU_E_INVALID_ARGUMENT = -2,  /* a value outside its documented range */
  MCU_E_INVALID_SIZE = -3,      /* zero, negative or odd width/height, or a stride below the row */
  MCU_E_BUFFER_TOO_SMALL = -4,  /* a plane or output buffer cannot hold what is asked */
  MCU_E_RECT_OUTSIDE = -5,      /* a rectangle is not inside the canvas or not 2-pixel aligned */
  MCU_E_OUT_OF_MEMORY = -6,
  MCU_E_CODEC_INIT = -7,        /* the codec library refused the configuration */
  MCU_E_CODEC_CONTROL = -8,     /* the codec library refused a runtime setting */
  MCU_E_ENCODE = -9,            /* the encoder failed */
  MCU_E_DECODE = -10,           /* the decoder rejected the data (truncated or not decodable) */
  MCU_E_CORRUPT_FRAME = -11,    /* the decoder found the frame corrupt */
  MCU_E_UNSUPPORTED_BITSTREAM = -12, /* not a bitstream (or feature) this decoder supports */
  MCU_E_INVALID_PACKET = -13,   /* a malformed Opus packet */
  MCU_E_CONVERSION = -14,       /* libyuv refused the conversion */
  MCU_E_INTERNAL = -15,         /* an unexpected failure inside a codec library */
  MCU_E_UNSUPPORTED = -16       /* not available with this C library */
};

/* A static, never-freed description of an error code ("unknown error" for unknown codes). */
MCU_API const char* mcu_error_message(int32_t code);

/* ---- The process heap ------------------------------------------------------------------ */

/*
 * Tunes the C library's allocator (glibc) for a long-running server whose codecs come and go
 * with participants: blocks from mmap_threshold bytes up are mapped on their own and returned to
 * the system when freed (a fixed threshold, so glibc does not raise it after the first free and
 * keep decoder-sized blocks in its heaps), and at most arena_max heaps are made for threads.
 * 0 leaves a setting as it is. MCU_E_UNSUPPORTED without glibc. This and mcu_heap_trim are the
 * only functions that touch process-wide state.
 */
MCU_API int32_t mcu_heap_configure(int32_t mmap_threshold, int32_t arena_max);

/* Returns the free memory of every malloc heap to the system; *released = 1 when some was. */
MCU_API int32_t mcu_heap_trim(int32_t* released);

/* ---- I420 planes ----------------------------------------------------------------------- */

/*
 * Three 8-bit planes of a 4:2:0 image. Chroma planes are ceil(width/2) x ceil(height/2).
 * size_* is the number of bytes readable/writable from each plane pointer and must cover
 * stride * (rows - 1) + row_width. Images written to (destinations, canvases) must have even
 * width and height; sources may be odd (a decoder may deliver odd sizes).
 */
typedef struct mcu_i420 {
  uint8_t* y;
  uint8_t* u;
  uint8_t* v;
  int32_t stride_y;
  int32_t stride_u;
  int32_t stride_v;
  int32_t size_y;
  int32_t size_u;
  int32_t size_v;
  int32_t width;
  int32_t height;
} mcu_i420;

/* A rectangle in luma pixels; inside a canvas it must have even x, y, width and height. */
typedef struct mcu_rect {
  int32_t x;
  int32_t y;
  int32_t width;
  int32_t height;
} mcu_rect;

/* ---- VP8 encoder ----------------------------------------------------------------------- */

typedef struct mcu_vp8_encoder mcu_vp8_encoder;

typedef struct mcu_vp8_encoder_config {
  int32_t width;                 /* even, 2..16382 */
  int32_t height;                /* even, 2..16382 */
  int32_t fps_num;               /* nominal frame rate fps_num / fps_den */
  int32_t fps_den;
  int32_t bitrate_bps;           /* CBR target, 10 kbit/s .. 100 Mbit/s */
  int32_t speed;                 /* cpu-used -16..-1: a fixed speed; positive values are refused
                                    because libvpx then adapts its speed itself and costs more */
  int32_t threads;               /* 1..16 */
  int32_t keyframe_interval;     /* most frames between keyframes, 1..100000 */
  int32_t token_partitions;      /* log2 of the DCT token partitions, 0..3 */
  int32_t error_resilient;       /* 0 or 1: no cross-frame entropy dependence (loss tolerance) */
  int32_t min_quantizer;         /* 0..63 */
  int32_t max_quantizer;         /* min_quantizer..63 */
  int32_t buffer_size_ms;        /* rate-control buffer model, 1..60000 */
  int32_t buffer_initial_ms;     /* 1..buffer_size_ms */
  int32_t buffer_optimal_ms;     /* 1..buffer_size_ms */
  int32_t undershoot_pct;        /* 0..100 */
  int32_t overshoot_pct;         /* 0..100 */
  int32_t max_intra_bitrate_pct; /* keyframe size cap as % of the per-frame budget; 0 = none */
  int32_t static_threshold;      /* skip-block threshold, 0..100000 */
  int32_t noise_sensitivity;     /* temporal denoiser 0 (off)..6 */
  int32_t drop_frame_threshold;  /* buffer % below which frames are dropped; 0 = never, ..100 */
} mcu_vp8_encoder_config;

/* A compressed frame owned by the encoder, valid until its next encode or destroy. */
typedef struct mcu_vp8_packet {
  const uint8_t* data;  /* NULL with size 0 when rate control dropped the frame */
  int32_t size;
  int32_t keyframe;     /* 1 for a keyframe */
  int64_t pts;          /* the pts passed to encode, in 90 kHz units */
} mcu_vp8_packet;

MCU_API int32_t mcu_vp8_encoder_create(const mcu_vp8_encoder_config* cfg, mcu_vp8_encoder** out);
MCU_API void mcu_vp8_encoder_destroy(mcu_vp8_encoder* enc);
/*
 * Encodes one frame of exactly the configured size. pts is in 90 kHz units (the RTP video clock)
 * and must increase; force_keyframe = 1 makes this frame a keyframe.
 */
MCU_API int32_t mcu_vp8_encoder_encode(mcu_vp8_encoder* enc, const mcu_i420* frame, int64_t pts,
                                       int32_t force_keyframe, mcu_vp8_packet* out);
/* Changes the CBR target from the next frame on. */
MCU_API int32_t mcu_vp8_encoder_set_bitrate(mcu_vp8_encoder* enc, int32_t bitrate_bps);

/* ---- VP8 decoder ----------------------------------------------------------------------- */

typedef struct mcu_vp8_decoder mcu_vp8_decoder;

enum mcu_vp8_decode_flags {
  MCU_VP8_DECODED_FRAME = 1, /* out holds a frame */
  MCU_VP8_CORRUPTED = 2      /* the frame was built on damaged data: ask for a keyframe */
};

MCU_API int32_t mcu_vp8_decoder_create(int32_t threads, mcu_vp8_decoder** out);
MCU_API void mcu_vp8_decoder_destroy(mcu_vp8_decoder* dec);
/*
 * libavcodec's VP8 decoder. Decodes one complete VP8 frame. On MCU_OK, *out_flags says whether out points at a frame
 * (decoder-owned planes, valid until the next decode or destroy) and whether it is corrupted.
 * Rejected data returns MCU_E_DECODE, MCU_E_CORRUPT_FRAME or MCU_E_UNSUPPORTED_BITSTREAM;
 * the decoder stays usable and recovers at the next keyframe.
 */
MCU_API int32_t mcu_vp8_decoder_decode(mcu_vp8_decoder* dec, const uint8_t* data, int32_t size,
                                       mcu_i420* out, int32_t* out_flags);

/* A decoded picture a caller keeps: its planes stay valid and unchanged until released. */
typedef struct mcu_vp8_picture mcu_vp8_picture;

/*
 * After a decode that set MCU_VP8_DECODED_FRAME: hands that picture over to the caller without
 * copying (*planes describes it; the decode's out then lives as long as the picture). Later
 * decodes write elsewhere. MCU_E_INVALID_ARGUMENT when the last decode made no picture or it
 * was already kept.
 */
MCU_API int32_t mcu_vp8_decoder_keep_picture(mcu_vp8_decoder* dec, mcu_vp8_picture** out,
                                             mcu_i420* planes);
/* Releases a kept picture; any thread, even after its decoder was destroyed. NULL is ignored. */
MCU_API void mcu_vp8_picture_release(mcu_vp8_picture* picture);

/* ---- Opus ------------------------------------------------------------------------------ */

typedef struct mcu_opus_encoder mcu_opus_encoder;
typedef struct mcu_opus_decoder mcu_opus_decoder;

enum mcu_opus_application {
  MCU_OPUS_VOIP = 0,      /* speech: favours intelligibility, enables SILK and FEC */
  MCU_OPUS_AUDIO = 1,     /* music / mixed content */
  MCU_OPUS_LOW_DELAY = 2  /* CELT only, lowest delay, no FEC */
};

typedef struct mcu_opus_encoder_config {
  int32_t sample_rate;     /* 8000, 12000, 16000, 24000 or 48000 */
  int32_t channels;        /* 1 or 2, interleaved */
  int32_t application;     /* enum mcu_opus_application */
  int32_t bitrate_bps;     /* 6000..510000 */
  int32_t complexity;      /* 0..10 */
  int32_t inband_fec;      /* 0 or 1 */
  int32_t packet_loss_pct; /* expected loss 0..100; FEC is only spent when this is above 0 */
  int32_t dtx;             /* 0 or 1: send tiny packets during silence */
} mcu_opus_encoder_config;

MCU_API int32_t mcu_opus_encoder_create(const mcu_opus_encoder_config* cfg, mcu_opus_encoder** out);
MCU_API void mcu_opus_encoder_destroy(mcu_opus_encoder* enc);
/*
 * Encodes samples_per_channel interleaved 16-bit samples (10, 20, 40 or 60 ms) into out.
 * capacity caps the packet size (libopus lowers this frame's bitrate to fit).
 * A packet of 2 bytes or less is a DTX frame that need not be sent.
 */
MCU_API int32_t mcu_opus_encoder_encode(mcu_opus_encoder* enc, const int16_t* pcm,
                                        int32_t samples_per_channel, uint8_t* out,
                                        int32_t capacity, int32_t* out_written);
MCU_API int32_t mcu_opus_encoder_set_bitrate(mcu_opus_encoder* enc, int32_t bitrate_bps);
MCU_API int32_t mcu_opus_encoder_set_packet_loss(mcu_opus_encoder* enc, int32_t packet_loss_pct);

MCU_API int32_t mcu_opus_decoder_create(int32_t sample_rate, int32_t channels,
                                        mcu_opus_decoder** out);
MCU_API void mcu_opus_decoder_destroy(mcu_opus_decoder* dec);
/*
 * Decodes into pcm, which holds capacity_per_channel interleaved samples per channel.
 *  - data != NULL, decode_fec = 0: decodes the packet; capacity must hold its duration.
 *  - data == NULL, size == 0: packet-loss concealment for capacity_per_channel samples.
 *  - data != NULL, decode_fec = 1: recovers the lost packet before data from data's in-band
 *    FEC (concealment when data carries none); capacity_per_channel is the lost duration.
 * For concealment and FEC the duration must be a multiple of 2.5 ms.
 */
MCU_API int32_t mcu_opus_decoder_decode(mcu_opus_decoder* dec, const uint8_t* data, int32_t size,
                                        int16_t* pcm, int32_t capacity_per_channel,
                                        int32_t decode_fec, int32_t* out_samples_per_channel);

/* ---- libyuv helpers -------------------------------------------------------------------- */

/*
 * Packed 32-bit pixel layouts, named by their byte order in memory. libyuv names formats by a
 * little-endian 32-bit word instead, so its "ARGB" is our BGRA:
 *   MCU_PIXEL_BGRA  bytes B,G,R,A  = libyuv ARGB = Skia kBGRA_8888 (little-endian)
 *   MCU_PIXEL_RGBA  bytes R,G,B,A  = libyuv ABGR = Skia kRGBA_8888
 *   MCU_PIXEL_ARGB  bytes A,R,G,B  = libyuv BGRA
 * Colour conversion is BT.601 limited range (what WebRTC and VP8 use). Alpha is written as 255.
 */
enum mcu_pixel_format {
  MCU_PIXEL_BGRA = 0,
  MCU_PIXEL_RGBA = 1,
  MCU_PIXEL_ARGB = 2
};

/* Values are libyuv's FilterMode. */
enum mcu_scale_filter {
  MCU_FILTER_NONE = 0,     /* point sampling, fastest */
  MCU_FILTER_LINEAR = 1,   /* horizontal only */
  MCU_FILTER_BILINEAR = 2,
  MCU_FILTER_BOX = 3       /* best when shrinking */
};

/* Scales all of src into rect of the canvas dst; nothing outside rect is written. */
MCU_API int32_t mcu_i420_scale(const mcu_i420* src, const mcu_i420* dst, const mcu_rect* rect,
                               int32_t filter);
/* Copies an even-sized src unscaled into dst with its top-left corner at (x, y). */
MCU_API int32_t mcu_i420_copy(const mcu_i420* src, const mcu_i420* dst, int32_t x, int32_t y);
/* Fills rect of dst with one colour. */
MCU_API int32_t mcu_i420_fill(const mcu_i420* dst, const mcu_rect* rect, uint8_t y, uint8_t u,
                              uint8_t v);
/* Converts src into packed pixels of width x height (src's size), dst_stride bytes per row. */
MCU_API int32_t mcu_i420_to_packed(const mcu_i420* src, uint8_t* dst, int32_t dst_stride,
                                   int32_t dst_size, int32_t format);
/* Converts packed pixels of dst's (even) size into dst. */
MCU_API int32_t mcu_packed_to_i420(const uint8_t* src, int32_t src_stride, int32_t src_size,
                                   int32_t format, const mcu_i420* dst);

#ifdef __cplusplus
}
#endif

#endif /* MCU_NATIVE_H */
