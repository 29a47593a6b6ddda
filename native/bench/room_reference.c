/*
 * mcu_room_reference: a room's video work done entirely in C, the floor the MCU is measured
 * against. Decodes N VP8 streams (IVF files, libvpx, one thread each), scales each picture into
 * its rectangle of an I420 canvas (libyuv), encodes the canvas (libvpx VP8, realtime CBR), and
 * prints the CPU time per composite frame of each stage after a warm-up.
 *
 * The benchmark harness passes the geometry (computed by the MCU's own layout code) and the
 * encoder settings (the MCU's defaults), so that both sides do the same work with the same
 * settings. Usage:
 *
 *   mcu_room_reference [key=value ...] tile=x,y,w,h,cx,cy,cw,ch,path.ivf ...
 *
 * Each tile is a slot rectangle on the canvas, the crop of the source picture scaled into it,
 * and the input file. Keys: width height fps frames warmup filter (0 none, 1 linear,
 * 2 bilinear, 3 box), paced (1: one composite per frame period, idle in between, as a live
 * room, skipping a tick that starts a whole period late as the server's room clock does;
 * 0: back to back) and the encoder's bitrate speed threads kf partitions er minq maxq
 * buf bufinit bufopt undershoot overshoot maxintra static noise drop.
 *
 * Output, one line: frames=F decode_ms=.. compose_ms=.. encode_ms=.. total_ms=.. wall_ms=..
 * bytes_per_frame=.. keyframes=.. late=.. (milliseconds of CPU time per composite frame made;
 * total_ms is the process's CPU time, so nothing outside the three stages hides; wall_ms is per
 * tick; late counts the skipped ticks). Several paced copies side by side are the codec floor
 * of as many rooms on one machine.
 */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <libyuv/planar_functions.h>
#include <libyuv/scale.h>
#include <vpx/vp8cx.h>
#include <vpx/vp8dx.h>
#include <vpx/vpx_decoder.h>
#include <vpx/vpx_encoder.h>

#define MAX_TILES 64
#define IVF_FILE_HEADER 32
#define IVF_FRAME_HEADER 12

typedef struct {
  uint8_t* data;
  size_t size;
} frame_ref;

typedef struct {
  int x, y, w, h;     /* slot on the canvas */
  int cx, cy, cw, ch; /* crop of the source picture */
  const char* path;
  uint8_t* file;
  frame_ref* frames;
  int frame_count;
  vpx_codec_ctx_t decoder;
  const vpx_image_t* picture;
} tile;

typedef struct {
  int width, height, fps, frames, warmup, filter, paced;
  int bitrate, speed, threads, kf, partitions, er, minq, maxq;
  int buf, bufinit, bufopt, undershoot, overshoot, maxintra, stat, noise, drop;
} settings;

static int fail(const char* what, const char* detail) {
  fprintf(stderr, "mcu_room_reference: %s%s%s\n", what, detail ? ": " : "", detail ? detail : "");
  return 1;
}

static double cpu_ms(clockid_t clock) {
  struct timespec ts;
  clock_gettime(clock, &ts);
  return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/* Sleeps until the CLOCK_MONOTONIC time `due` (milliseconds); returns at once when it is past. */
static void sleep_until(double due) {
  struct timespec ts = {.tv_sec = (time_t)(due / 1e3), .tv_nsec = (long)((due - (double)(time_t)(due / 1e3) * 1e3) * 1e6)};
  if (ts.tv_nsec >= 1000000000L) {
    ts.tv_sec++;
    ts.tv_nsec -= 1000000000L;
  }
  while (clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &ts, NULL) == EINTR) {
  }
}

static uint32_t le32(const uint8_t* p) {
  return (uint32_t)p[0] | ((uint32_t)p[1] << 8) | ((uint32_t)p[2] << 16) | ((uint32_t)p[3] << 24);
}

/* Reads a whole IVF file and indexes its frames; every length is checked against the file. */
static int load_ivf(tile* t) {
  FILE* f = fopen(t->path, "rb");
  if (f == NULL) {
    return fail("cannot open", t->path);
  }
  if (fseek(f, 0, SEEK_END) != 0) {
    fclose(f);
    return fail("cannot seek", t->path);
  }
  long length = ftell(f);
  rewind(f);
  if (length < IVF_FILE_HEADER) {
    fclose(f);
    return fail("not an IVF file", t->path);
  }
  t->file = malloc((size_t)length);
  if (t->file == NULL || fread(t->file, 1, (size_t)length, f) != (size_t)length) {
    fclose(f);
    return fail("cannot read", t->path);
  }
  fclose(f);
  if (memcmp(t->file, "DKIF", 4) != 0 || memcmp(t->file + 8, "VP80", 4) != 0) {
    return fail("not a VP8 IVF file", t->path);
  }
  size_t header = (size_t)(t->file[6] | (t->file[7] << 8));
  size_t capacity = 64;
  t->frames = malloc(capacity * sizeof(frame_ref));
  if (t->frames == NULL) {
    return fail("out of memory", NULL);
  }
  for (size_t at = header; at + IVF_FRAME_HEADER <= (size_t)length;) {
    size_t size = le32(t->file + at);
    at += IVF_FRAME_HEADER;
    if (size == 0 || size > (size_t)length - at) {
      return fail("truncated IVF frame", t->path);
    }
    if ((size_t)t->frame_count == capacity) {
      capacity *= 2;
      frame_ref* grown = realloc(t->frames, capacity * sizeof(frame_ref));
      if (grown == NULL) {
        return fail("out of memory", NULL);
      }
      t->frames = grown;
    }
    t->frames[t->frame_count++] = (frame_ref){t->file + at, size};
    at += size;
  }
  return t->frame_count > 0 ? 0 : fail("no frames in", t->path);
}

static int parse_tile(const char* spec, tile* t) {
  int consumed = 0;
  if (sscanf(spec, "%d,%d,%d,%d,%d,%d,%d,%d,%n", &t->x, &t->y, &t->w, &t->h, &t->cx, &t->cy,
             &t->cw, &t->ch, &consumed) != 8 ||
      consumed == 0 || spec[consumed] == '\0') {
    return fail("bad tile (want x,y,w,h,cx,cy,cw,ch,path)", spec);
  }
  t->path = spec + consumed;
  return 0;
}

static int parse_int(const char* text, int* out) {
  char* end = NULL;
  errno = 0;
  long value = strtol(text, &end, 10);
  if (errno != 0 || end == text || *end != '\0' || value < -1000000000L || value > 1000000000L) {
    return fail("not an integer", text);
  }
  *out = (int)value;
  return 0;
}

static int parse_setting(settings* s, const char* arg) {
  static const struct {
    const char* key;
    size_t offset;
  } keys[] = {
      {"width", offsetof(settings, width)},       {"height", offsetof(settings, height)},
      {"fps", offsetof(settings, fps)},           {"frames", offsetof(settings, frames)},
      {"warmup", offsetof(settings, warmup)},     {"filter", offsetof(settings, filter)},
      {"paced", offsetof(settings, paced)},
      {"bitrate", offsetof(settings, bitrate)},   {"speed", offsetof(settings, speed)},
      {"threads", offsetof(settings, threads)},   {"kf", offsetof(settings, kf)},
      {"partitions", offsetof(settings, partitions)}, {"er", offsetof(settings, er)},
      {"minq", offsetof(settings, minq)},         {"maxq", offsetof(settings, maxq)},
      {"buf", offsetof(settings, buf)},           {"bufinit", offsetof(settings, bufinit)},
      {"bufopt", offsetof(settings, bufopt)},     {"undershoot", offsetof(settings, undershoot)},
      {"overshoot", offsetof(settings, overshoot)}, {"maxintra", offsetof(settings, maxintra)},
      {"static", offsetof(settings, stat)},       {"noise", offsetof(settings, noise)},
      {"drop", offsetof(settings, drop)},
  };
  const char* eq = strchr(arg, '=');
  if (eq == NULL) {
    return fail("expected key=value", arg);
  }
  for (size_t i = 0; i < sizeof(keys) / sizeof(keys[0]); i++) {
    if (strlen(keys[i].key) == (size_t)(eq - arg) && strncmp(arg, keys[i].key, (size_t)(eq - arg)) == 0) {
      return parse_int(eq + 1, (int*)((char*)s + keys[i].offset));
    }
  }
  return fail("unknown setting", arg);
}

/* The same libvpx configuration as native/src/vp8_encoder.c, from the harness's values. */
static int open_encoder(vpx_codec_ctx_t* codec, const settings* s) {
  vpx_codec_enc_cfg_t cfg;
  if (vpx_codec_enc_config_default(vpx_codec_vp8_cx(), &cfg, 0) != VPX_CODEC_OK) {
    return fail("no VP8 encoder defaults", NULL);
  }
  cfg.g_w = (unsigned int)s->width;
  cfg.g_h = (unsigned int)s->height;
  cfg.g_timebase.num = 1;
  cfg.g_timebase.den = 90000;
  cfg.g_threads = (unsigned int)s->threads;
  cfg.g_error_resilient = s->er ? VPX_ERROR_RESILIENT_DEFAULT : 0;
  cfg.g_pass = VPX_RC_ONE_PASS;
  cfg.g_lag_in_frames = 0;
  cfg.rc_end_usage = VPX_CBR;
  cfg.rc_target_bitrate = (unsigned int)((s->bitrate + 500) / 1000);
  cfg.rc_min_quantizer = (unsigned int)s->minq;
  cfg.rc_max_quantizer = (unsigned int)s->maxq;
  cfg.rc_undershoot_pct = (unsigned int)s->undershoot;
  cfg.rc_overshoot_pct = (unsigned int)s->overshoot;
  cfg.rc_buf_sz = (unsigned int)s->buf;
  cfg.rc_buf_initial_sz = (unsigned int)s->bufinit;
  cfg.rc_buf_optimal_sz = (unsigned int)s->bufopt;
  cfg.rc_dropframe_thresh = (unsigned int)s->drop;
  cfg.rc_resize_allowed = 0;
  cfg.kf_mode = VPX_KF_AUTO;
  cfg.kf_min_dist = 0;
  cfg.kf_max_dist = (unsigned int)s->kf;
  if (vpx_codec_enc_init(codec, vpx_codec_vp8_cx(), &cfg, 0) != VPX_CODEC_OK) {
    return fail("cannot open the VP8 encoder", vpx_codec_error_detail(codec));
  }
  if (vpx_codec_control(codec, VP8E_SET_CPUUSED, s->speed) != VPX_CODEC_OK ||
      vpx_codec_control(codec, VP8E_SET_STATIC_THRESHOLD, (unsigned int)s->stat) != VPX_CODEC_OK ||
      vpx_codec_control(codec, VP8E_SET_NOISE_SENSITIVITY, (unsigned int)s->noise) != VPX_CODEC_OK ||
      vpx_codec_control(codec, VP8E_SET_TOKEN_PARTITIONS, s->partitions) != VPX_CODEC_OK ||
      vpx_codec_control(codec, VP8E_SET_MAX_INTRA_BITRATE_PCT, (unsigned int)s->maxintra) != VPX_CODEC_OK ||
      vpx_codec_control(codec, VP8E_SET_ENABLEAUTOALTREF, 0) != VPX_CODEC_OK) {
    return fail("cannot configure the VP8 encoder", vpx_codec_error_detail(codec));
  }
  return 0;
}

static int decode_all(tile* tiles, int count, int index) {
  for (int i = 0; i < count; i++) {
    tile* t = &tiles[i];
    /* A stream shorter than the run starts again at its first frame, a keyframe. */
    const frame_ref* f = &t->frames[index % t->frame_count];
    if (vpx_codec_decode(&t->decoder, f->data, (unsigned int)f->size, NULL, 0) != VPX_CODEC_OK) {
      return fail("decode failed", vpx_codec_error_detail(&t->decoder));
    }
    vpx_codec_iter_t iter = NULL;
    const vpx_image_t* img = vpx_codec_get_frame(&t->decoder, &iter);
    if (img != NULL) {
      if (img->fmt != VPX_IMG_FMT_I420 || (unsigned int)(t->cx + t->cw) > img->d_w ||
          (unsigned int)(t->cy + t->ch) > img->d_h) {
        return fail("a decoded picture does not fit its crop", t->path);
      }
      t->picture = img;
    }
  }
  return 0;
}

static int compose(const tile* tiles, int count, vpx_image_t* canvas, int filter) {
  for (int i = 0; i < count; i++) {
    const tile* t = &tiles[i];
    const vpx_image_t* p = t->picture;
    if (p == NULL) {
      continue;
    }
    const int sy = p->stride[VPX_PLANE_Y], su = p->stride[VPX_PLANE_U], sv = p->stride[VPX_PLANE_V];
    const int dy = canvas->stride[VPX_PLANE_Y], du = canvas->stride[VPX_PLANE_U], dv = canvas->stride[VPX_PLANE_V];
    if (I420Scale(p->planes[VPX_PLANE_Y] + t->cy * sy + t->cx, sy,
                  p->planes[VPX_PLANE_U] + (t->cy / 2) * su + t->cx / 2, su,
                  p->planes[VPX_PLANE_V] + (t->cy / 2) * sv + t->cx / 2, sv, t->cw, t->ch,
                  canvas->planes[VPX_PLANE_Y] + t->y * dy + t->x, dy,
                  canvas->planes[VPX_PLANE_U] + (t->y / 2) * du + t->x / 2, du,
                  canvas->planes[VPX_PLANE_V] + (t->y / 2) * dv + t->x / 2, dv, t->w, t->h,
                  (enum FilterMode)filter) != 0) {
      return fail("scale failed", t->path);
    }
  }
  return 0;
}

int main(int argc, char** argv) {
  settings s = {
      .width = 1280, .height = 720, .fps = 30, .frames = 270, .warmup = 30, .filter = 2,
      .bitrate = 1500000, .speed = -8, .threads = 1, .kf = 100000, .partitions = 0, .er = 1,
      .minq = 2, .maxq = 56, .buf = 1000, .bufinit = 500, .bufopt = 600, .undershoot = 100,
      .overshoot = 15, .maxintra = 900, .stat = 1, .noise = 0, .drop = 0,
  };
  static tile tiles[MAX_TILES];
  int count = 0;
  for (int i = 1; i < argc; i++) {
    if (strncmp(argv[i], "tile=", 5) == 0) {
      if (count == MAX_TILES || parse_tile(argv[i] + 5, &tiles[count]) != 0) {
        return count == MAX_TILES ? fail("too many tiles", NULL) : 1;
      }
      count++;
    } else if (parse_setting(&s, argv[i]) != 0) {
      return 1;
    }
  }
  if (count == 0 || s.frames < 1 || s.warmup < 0 || s.fps < 1 || s.filter < 0 || s.filter > 3) {
    return fail("usage: mcu_room_reference [key=value ...] tile=x,y,w,h,cx,cy,cw,ch,path.ivf ...", NULL);
  }
  for (int i = 0; i < count; i++) {
    tile* t = &tiles[i];
    if (t->x < 0 || t->y < 0 || t->w < 2 || t->h < 2 || t->x + t->w > s.width || t->y + t->h > s.height ||
        ((t->x | t->y | t->w | t->h | t->cx | t->cy) & 1) != 0 || t->cw < 1 || t->ch < 1 || t->cx < 0 || t->cy < 0) {
      return fail("a tile lies outside the canvas or is not 2-pixel aligned", t->path);
    }
    vpx_codec_dec_cfg_t cfg = {.threads = 1, .w = 0, .h = 0};
    if (load_ivf(t) != 0) {
      return 1;
    }
    if (vpx_codec_dec_init(&t->decoder, vpx_codec_vp8_dx(), &cfg, 0) != VPX_CODEC_OK) {
      return fail("cannot open a VP8 decoder", NULL);
    }
  }

  vpx_codec_ctx_t encoder;
  vpx_image_t canvas;
  if (open_encoder(&encoder, &s) != 0 ||
      vpx_img_alloc(&canvas, VPX_IMG_FMT_I420, (unsigned int)s.width, (unsigned int)s.height, 32) == NULL) {
    return 1;
  }
  I420Rect(canvas.planes[VPX_PLANE_Y], canvas.stride[VPX_PLANE_Y], canvas.planes[VPX_PLANE_U],
           canvas.stride[VPX_PLANE_U], canvas.planes[VPX_PLANE_V], canvas.stride[VPX_PLANE_V], 0, 0,
           s.width, s.height, 16, 128, 128);

  double decode = 0, scale = 0, encode = 0, total_start = 0, wall_start = 0;
  long long bytes = 0;
  int keyframes = 0, composed = 0, late = 0, measuring = 0;
  const int all = s.warmup + s.frames;
  const unsigned long duration = (unsigned long)(90000 / s.fps);
  const double period = 1000.0 / s.fps;
  const double origin = cpu_ms(CLOCK_MONOTONIC) + period;
  for (int n = 0; n < all; n++) {
    int skip = 0;
    if (s.paced) {
      /* A live room: tick n is due at origin + n periods on an absolute schedule, idle in
       * between. As the server's room clock does, a tick that starts a whole period late or
       * more is skipped and counted, never run in a burst to catch up. */
      sleep_until(origin + n * period);
      skip = n + 1 < all && cpu_ms(CLOCK_MONOTONIC) >= origin + (n + 1) * period;
    }
    if (!measuring && n >= s.warmup) {
      measuring = 1;
      decode = scale = encode = 0;
      bytes = 0;
      keyframes = 0;
      total_start = cpu_ms(CLOCK_PROCESS_CPUTIME_ID);
      wall_start = cpu_ms(CLOCK_MONOTONIC);
    }
    double t0 = cpu_ms(CLOCK_THREAD_CPUTIME_ID);
    /* A skipped tick's input frames are still decoded: a room decodes every frame it receives. */
    if (decode_all(tiles, count, n) != 0) {
      return 1;
    }
    double t1 = cpu_ms(CLOCK_THREAD_CPUTIME_ID);
    decode += t1 - t0;
    if (skip) {
      late += measuring;
      continue;
    }
    if (compose(tiles, count, &canvas, s.filter) != 0) {
      return 1;
    }
    double t2 = cpu_ms(CLOCK_THREAD_CPUTIME_ID);
    if (vpx_codec_encode(&encoder, &canvas, (vpx_codec_pts_t)n * duration, duration, 0, VPX_DL_REALTIME) !=
        VPX_CODEC_OK) {
      return fail("encode failed", vpx_codec_error_detail(&encoder));
    }
    vpx_codec_iter_t iter = NULL;
    const vpx_codec_cx_pkt_t* pkt;
    while ((pkt = vpx_codec_get_cx_data(&encoder, &iter)) != NULL) {
      if (pkt->kind == VPX_CODEC_CX_FRAME_PKT) {
        bytes += (long long)pkt->data.frame.sz;
        keyframes += (pkt->data.frame.flags & VPX_FRAME_IS_KEY) != 0;
      }
    }
    double t3 = cpu_ms(CLOCK_THREAD_CPUTIME_ID);
    scale += t2 - t1;
    encode += t3 - t2;
    composed += measuring;
  }
  const double total = cpu_ms(CLOCK_PROCESS_CPUTIME_ID) - total_start;
  const double wall = cpu_ms(CLOCK_MONOTONIC) - wall_start;
  /* Per composite frame made; a skipped tick's decoding is charged to the frames that were. */
  const double per = composed > 0 ? composed : 1;
  printf("frames=%d decode_ms=%.4f compose_ms=%.4f encode_ms=%.4f total_ms=%.4f wall_ms=%.4f "
         "bytes_per_frame=%.1f keyframes=%d late=%d\n",
         composed, decode / per, scale / per, encode / per, total / per, wall / s.frames,
         (double)bytes / per, keyframes, late);

  vpx_img_free(&canvas);
  vpx_codec_destroy(&encoder);
  for (int i = 0; i < count; i++) {
    vpx_codec_destroy(&tiles[i].decoder);
    free(tiles[i].frames);
    free(tiles[i].file);
  }
  return 0;
}
